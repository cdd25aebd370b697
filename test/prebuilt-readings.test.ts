import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prebuild } from '../src/core/prebuilt-readings.ts';
import { Alternatives, alternationsSoFar, keptScanner, PLAIN_WORD_CHAR } from '../src/text/alternatives.ts';
import { LiteralScanner } from '../src/text/literal-scanner.ts';
import { readAtom } from '../src/text/case-free.ts';
import { keptReading, parseLiterals, sourceKey, sourcesReadSoFar } from '../src/text/required-literals.ts';

describe('literal readings prebuilt by the build (dist/text/prebuilt-literals.json)', () => {
  // As the build writes them and a run reads them back.
  const built = prebuild();
  const kept = JSON.parse(JSON.stringify(built.readings));
  const sources = sourcesReadSoFar();

  it('keep every regex the default checks read when they are created and first run', () => {
    expect(sources.length).toBeGreaterThan(100);
    for (const source of sources) expect(Object.hasOwn(kept, sourceKey(source))).toBe(true);
  });

  it('give, for each source, exactly what reading it gives', () => {
    for (const source of sources) expect(keptReading(source, kept)).toEqual(parseLiterals(source));
  });

  it('are used only for the same text: a source changed by one character is read afresh', () => {
    const longest = sources.reduce((a, b) => (b.length > a.length ? b : a));
    expect(keptReading(longest.replace('|', '|x|'), kept)).toBeUndefined();
    expect(keptReading(`${longest} `, kept)).toBeUndefined();
  });
});

describe('alternation trees prebuilt by the build (dist/text/prebuilt-alternations.json)', () => {
  const built = prebuild();
  const trees = JSON.parse(JSON.stringify(built.trees));
  // The build creates the checks with and without --mentions and --timeline: each alternation once.
  const seen = new Set<string>();
  const made = [...alternationsSoFar()].filter((a) => {
    const key = `${a.regex.flags}/${a.parts.join('|')}`;
    return !seen.has(key) && !!seen.add(key);
  });
  // Lines of a sample export, one that is not plain (alternatives.ts, isPlain) and, for each
  // alternation, one that holds its own words (not plain either: the whole regex when every alternative is left).
  const lines = readFileSync(new URL('../fixtures/exports/liquidlogic-casenotes.csv', import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.length > 40)
    .slice(0, 12);
  const texts = [...lines, `${lines[0]} – naïve Ωmega`];

  it('keep every alternation the default checks make', () => {
    expect(made.length).toBeGreaterThan(100);
    for (const a of made) expect(Object.hasOwn(trees, a.keptForm()![0])).toBe(true);
  });

  it('narrow every text exactly as the tree read afresh does', { timeout: 60_000 }, () => {
    for (const a of made) {
      const fresh = new Alternatives(a.parts, a.regex.flags);
      fresh.analyse(null);
      const fromKept = new Alternatives(a.parts, a.regex.flags);
      fromKept.analyse(trees);
      expect(fromKept.keptForm()).toEqual(fresh.keptForm());
      for (const text of [...texts, `${a.parts.join(' ')} Ω`]) expect(fromKept.forText(text)?.source).toBe(fresh.forText(text)?.source);
    }
  });

  it('are used only for the same alternatives: others are read afresh', () => {
    const a = made.reduce((x, y) => (y.parts.join('|').length > x.parts.join('|').length ? y : x));
    const changed = new Alternatives([...a.parts.slice(0, -1), `${a.parts.at(-1)}x`], a.regex.flags);
    changed.analyse(trees);
    const fresh = new Alternatives(changed.parts, a.regex.flags);
    fresh.analyse(null);
    expect(Object.hasOwn(trees, changed.keptForm()![0])).toBe(false);
    expect(changed.keptForm()).toEqual(fresh.keptForm());
  });
});

describe('case-free atoms prebuilt by the build (dist/text/prebuilt-case-free.json)', () => {
  const { atoms } = prebuild();
  const kept = JSON.parse(JSON.stringify(atoms)) as Record<string, string>;

  it('hold the letters, classes and boundaries of the default packs, each as reading it gives', () => {
    expect(Object.keys(kept).length).toBeGreaterThan(40);
    for (const source of ['a', 'S', '\\w', PLAIN_WORD_CHAR]) expect(Object.hasOwn(kept, source)).toBe(true);
    for (const [source, written] of Object.entries(kept)) expect(written, source).toBe(readAtom(source));
  });
});

describe('the literal scanner prebuilt by the build (dist/text/prebuilt-scanner.*)', () => {
  const {
    scanner: [kept, table],
  } = prebuild();
  const bytes = Buffer.from(table.buffer, table.byteOffset, table.byteLength);
  const texts = readFileSync(new URL('../fixtures/exports/liquidlogic-casenotes.csv', import.meta.url), 'utf8')
    .split('\n')
    .slice(0, 60);
  const found = (scanner: LiteralScanner, text: string, size: number) => {
    const out: number[] = [];
    scanner.collect(text, new Int32Array(size), 1, out);
    return out.sort((a, b) => a - b);
  };

  it('finds, for any of its literals in any order, what a scanner made for them alone finds', () => {
    expect(kept.literals.length).toBeGreaterThan(1000);
    // Every third literal, in reverse, and one with the first literals left out.
    for (const literals of [kept.literals.filter((_, k) => k % 3 === 0).reverse(), kept.literals.slice(100)]) {
      const fromKept = keptScanner(literals, kept.foldCase, kept, () => bytes)!;
      expect(fromKept).not.toBeNull();
      const fresh = new LiteralScanner(literals, { foldCase: kept.foldCase });
      for (const text of [...texts, kept.literals.join(' ').toUpperCase()])
        expect(found(fromKept, text, literals.length)).toEqual(found(fresh, text, literals.length));
    }
  });

  it('is not used for a literal it lacks, or with other folding', () => {
    expect(keptScanner([...kept.literals.slice(0, 10), 'zzqx not a literal'], kept.foldCase, kept, () => bytes)).toBeNull();
    expect(keptScanner(kept.literals.slice(0, 10), !kept.foldCase, kept, () => bytes)).toBeNull();
  });
});
