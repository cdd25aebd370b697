import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { fixturesFor } from './fixtures.ts';
import { STANDARDS } from '../model/standards.ts';
import { UserError } from '../model/errors.ts';
import { nearest } from '../text/closest.ts';
import { packsFor, type PackFlags } from './packs-for.ts';
import type { Io } from './io.ts';

/** `scrutineer explain RULE_ID`: what a rule looks for, why, the standards, and examples from its fixture. */
export async function explainRule(io: Io, asked: string, flags: PackFlags): Promise<void> {
  const packs = await packsFor(flags);
  const ids = packs.flatMap((p) => p.rules.map((r) => r.id));
  const id = resolveRuleId(asked, ids);
  const pack = packs.find((p) => p.rules.some((r) => r.id === id));
  if (!pack) {
    const near = suggestRuleIds(asked, ids);
    throw new UserError(
      `no rule has the id '${asked}'${near.length ? ` — did you mean ${near.map((n) => `'${n}'`).join(' or ')}?` : ''} (scrutineer rules list shows them all)`,
    );
  }
  const rule = pack.rules.find((r) => r.id === id)!;
  const out: string[] = [`${rule.id}  (${rule.kind} rule, ${rule.category}, ${rule.severity}; pack ${pack.name} ${pack.version})`, ''];
  if (rule.label) out.push(`Label: ${rule.label}`, '');
  out.push('What it looks for and why it matters:', wrap(String(rule.description ?? rule.docs ?? '')), '');
  if (rule.evidence_needed) out.push('What evidence would support it:', wrap(String(rule.evidence_needed)), '');
  out.push('What the auditor is told:', wrap(rule.message), '');
  out.push('Standards:');
  for (const s of rule.standards) out.push(`  ${s}  ${STANDARDS[s]}`);
  if (rule.source) out.push('', `Source: ${rule.source}`);
  const examples = examplesFor(
    fixturesFor(pack).find((f) => f.endsWith(`/${rule.id}.csv`)),
    rule.id,
  );
  if (examples.fires) out.push('', 'Fires on:', wrap(`“${examples.fires}”`));
  if (examples.quiet) out.push('', 'Does not fire on:', wrap(`“${examples.quiet}”`));
  io.stdout(out.join('\n') + '\n');
}

function examplesFor(fixture: string | undefined, id: string): { fires?: string; quiet?: string } {
  if (!fixture) return {};
  const rows = parse(readFileSync(fixture, 'utf8').replace(/^\ufeff/, ''), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  const has = (r: Record<string, string>, col: string) => (r[col] ?? '').split(/[\s,;]+/).includes(id);
  return { fires: rows.find((r) => has(r, 'must_fire'))?.text, quiet: rows.find((r) => has(r, 'must_not_fire'))?.text };
}

function wrap(text: string, width = 88): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  const lines: string[] = [];
  let line = ' ';
  for (const w of words) {
    if (line.length + w.length + 1 > width) {
      lines.push(line);
      line = ' ';
    }
    line += ` ${w}`;
  }
  lines.push(line);
  return lines.join('\n');
}

/** The part of a rule id after its kind or pack prefix: `fii` of `label.fii`. */
const shortName = (id: string) => id.slice(id.indexOf('.') + 1);

/** A full id as given, or the one rule whose short name it is (`fii` is `label.fii`). */
export function resolveRuleId(asked: string, ids: string[]): string | undefined {
  if (ids.includes(asked)) return asked;
  const byName = ids.filter((id) => shortName(id).toLowerCase() === asked.toLowerCase());
  return byName.length === 1 ? byName[0] : undefined;
}

/** What the user probably meant: rules whose short name is or starts with it, else the nearest by spelling. */
export function suggestRuleIds(asked: string, ids: string[]): string[] {
  const lower = asked.toLowerCase();
  const named = ids.filter((id) => shortName(id).toLowerCase() === lower);
  if (named.length) return named;
  const starting = ids.filter((id) => shortName(id).toLowerCase().startsWith(lower));
  if (starting.length) return starting.slice(0, 3);
  const near = nearest(asked, ids) ?? nearest(asked, ids.map(shortName));
  return near ? [ids.find((id) => id === near || shortName(id) === near)!] : [];
}
