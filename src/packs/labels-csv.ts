import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { decodeText } from '../intake/decode.ts';
import { detectDelimiter } from '../intake/delimiter.ts';
import { UserError } from '../model/errors.ts';
import type { Rule } from '../checks/rule-kind.ts';
import type { LoadedPack } from './load-packs.ts';

/**
 * A council's word list kept in a spreadsheet (`label,term`, one term a row) as label rules
 * that use the default assertion cues. A term already known to another label is left to it;
 * a label of the same name as a default one gains the new terms.
 */
export async function loadLabelsCsv(path: string, existing: Rule[]): Promise<{ pack: LoadedPack; skipped: string[] }> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    throw new UserError(`${path}: cannot read the label list`);
  }
  let text = '';
  for await (const part of decodeText(Readable.from([bytes]), path, undefined, {})) text += part;
  const firstLine = text.slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n'));
  let rows: string[][];
  try {
    rows = parse(text, { delimiter: detectDelimiter(firstLine), skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (err) {
    throw new UserError(`${path}: ${(err as Error).message}`);
  }
  const header = (rows.shift() ?? []).map((h) => h.toLowerCase());
  const labelAt = header.indexOf('label');
  const termAt = header.indexOf('term');
  if (labelAt === -1 || termAt === -1)
    throw new UserError(`${path}: the label list needs a header with the columns label and term (found: ${header.join(', ') || 'nothing'})`);
  const known = new Map<string, string>();
  for (const r of existing.filter((r) => r.kind === 'label')) for (const f of r.forms as string[]) known.set(norm(f), r.label as string);
  const byLabel = new Map<string, string[]>();
  const skipped: string[] = [];
  rows.forEach((row, i) => {
    const label = row[labelAt]?.trim();
    const term = row[termAt]?.trim();
    if (!label || !term) {
      skipped.push(`${path}:${i + 2}: a row needs both a label and a term`);
      return;
    }
    const owner = known.get(norm(term));
    if (owner && owner !== label) {
      skipped.push(`${path}:${i + 2}: '${term}' is already a form of the label '${owner}'`);
      return;
    }
    known.set(norm(term), label);
    byLabel.set(label, [...(byLabel.get(label) ?? []), term]);
  });
  const rules: Rule[] = [];
  for (const [label, terms] of byLabel) {
    const base = existing.find((r) => r.kind === 'label' && r.label === label);
    if (base) {
      (base.forms as string[]).push(...terms.filter((t) => !(base.forms as string[]).some((f) => norm(f) === norm(t))));
      continue;
    }
    rules.push({
      id: `labels-csv.${
        label
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-|-$/g, '') || 'label'
      }`,
      kind: 'label',
      label,
      forms: terms,
      category: 'unevidenced-label',
      severity: 'warning',
      standards: ['3.11', '3.5'],
      message: `Give the evidence for “${label}”: what was seen or said, by whom and when, and its source; or attribute it to the person who said it.`,
      description: `A term from the council's list ${path}.`,
      pack: 'labels-csv',
    });
  }
  return {
    pack: {
      name: 'labels-csv',
      version: '0.0.0',
      description: `Labels from ${path}`,
      path,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      rules,
      sections: {},
      ruleLocations: rules.map(() => path),
    },
    skipped,
  };
}

function norm(s: string): string {
  return s
    .toLowerCase()
    .replace(/[-\s]+/g, ' ')
    .trim();
}
