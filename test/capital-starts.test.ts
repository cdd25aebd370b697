import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeExport } from '../bench/gen/write-export.ts';
import { readInputs, resolveInputs } from '../src/intake/read-inputs.ts';
import { loadProfiles } from '../src/intake/profiles.ts';
import { DEFAULT_RULES_DIR, loadPacks } from '../src/packs/load-packs.ts';
import { FormSet, capitalPlaces, capitalised, type FormMatch } from '../src/checks/hygiene/subject-forms.ts';
import { repoPath } from './support/run-cli.ts';

/**
 * The subject-name check tries its forms only at capital letters (`capitalisedStarts`), not at
 * every place a form's rest follows a word (`starts`). Its readers refuse every match and read
 * only a match whose name is capitalised, or whose start is a capital's place: those must be
 * exactly the same from either set of places, for every default rule of the kind, over every
 * fixture, a generated export and random text.
 */
const formSets = loadPacks([DEFAULT_RULES_DIR])
  .flatMap((p) => p.rules)
  .filter((r) => r.kind === 'subject-name')
  .map((r) => new FormSet((r as unknown as { forms: string[] }).forms));

const CAPITAL = /(?<![\p{L}\p{N}_])\p{Lu}/gu;

/** What the readers see of a text's matches from a set of places. */
function seen(set: FormSet, text: string, starts: number[]): FormMatch[] {
  const places = new Set([...text.matchAll(CAPITAL)].map((m) => m.index));
  const out: FormMatch[] = [];
  for (const _ of set.matches(
    text,
    (m) => {
      if (m.name !== undefined && (capitalised(m.name) || places.has(m.start))) out.push(m);
      return false;
    },
    starts,
  ));
  return out;
}

function same(text: string): void {
  expect(capitalPlaces(text)).toEqual([...text.matchAll(CAPITAL)].map((m) => m.index));
  for (const set of formSets) expect(seen(set, text, set.capitalisedStarts(text))).toEqual(seen(set, text, set.starts(text)));
}

describe('subject-name forms tried at capitals only find what they found everywhere', () => {
  const texts: string[] = [];
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scrutineer-capitals-'));
    try {
      const generated = join(dir, 'generated.csv');
      await writeExport(generated, { records: 600, seed: '5' });
      const files = ['fixtures/exports', 'fixtures/hygiene', 'fixtures/hygiene/other-child', 'fixtures/duplication', 'rules/tests'].flatMap((d) =>
        readdirSync(repoPath(d))
          .filter((f) => /\.(csv|txt)$/.test(f) && !f.startsWith('expected'))
          .map((f) => repoPath(`${d}/${f}`)),
      );
      for (const file of [...files, generated]) {
        for await (const item of readInputs(resolveInputs([file]), { profiles: loadProfiles(), dateOrder: 'dmy' }, [], []))
          if (item.record) texts.push(item.record.text);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('over every fixture and a generated export', () => {
    expect(texts.length).toBeGreaterThan(500);
    for (const text of texts) same(text);
  });

  it('at the edges: apostrophes, hyphens, letters outside ASCII and outside the BMP, lower-case names', () => {
    for (const text of [
      "O'Brien (7) was seen alone. Ellie-Mae (4) and ellie-mae (4). D’Arcy, aged 6, and x-Ray (5).",
      'Zoë (6) and Émile is 7. 𝐀my (5) and a𝐁 (5); 9Kacper (3) _Amy (4).',
      'Saw Kacper alone at school. I did a wishes and feelings exercise with Kacper. saw amy alone.',
      "Kacper's school report. KACPER'S nursery. Tyler is a 6 year old boy. Mia said she misses her mummy.",
      '',
      'A',
      'Ł',
      '\u{1D400}',
      '\uDC00A (4)',
      'A\uD835 (4)',
    ])
      same(text);
  });

  it('over random text', () => {
    const pieces = [
      'Amy',
      'amy',
      'Ellie-Mae',
      "O'",
      '’s',
      ' (4)',
      ' (19)',
      ', aged 6',
      ' is 7',
      ' is a 6 year old boy',
      ' was seen alone at school',
      ' saw ',
      'Kacper',
      'É',
      'ß',
      '𝐀',
      '-',
      "'",
      ' ',
      '.',
      '\n',
      ' is in Year 4',
      ' said that her teacher',
      ' with ',
      'wishes and feelings exercise',
      'x',
      '9',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 14 }), (parts) => same(parts.join(''))),
      { numRuns: 2000 },
    );
  });
});
