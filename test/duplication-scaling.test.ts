import { describe, expect, it } from 'vitest';
import { duplicationKind } from '../src/checks/duplication/duplication.ts';
import type { DuplicationCheck } from '../src/checks/duplication/check.ts';
import type { Rule } from '../src/checks/rule-kind.ts';
import type { CanonicalRecord } from '../src/model/record.ts';

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ba', 'ko', 'ri', 'sen', 'tal', 'mu', 'dre', 'vin', 'pol', 'eth', 'gar', 'lim', 'no', 'sta', 'wen', 'fi'];
const FIRST_NAMES = ['Amy', 'Josh', 'Lily', 'Harvey', 'Ruby', 'Tyler', 'Poppy', 'Kwame', 'Zofia', 'Leah', 'Arjun', 'Esi', 'Mason', 'Ava', 'Noah', 'Isla'];

/**
 * A synthetic export: cases of ten records over two years, each record ~200 words of made-up
 * vocabulary; a tenth of its sentences drawn from 40 stock sentences shared across the whole
 * export (boilerplate), two short phrases from its case's own eight (a family's recurring
 * details, too short to flag), and one record in twenty pasting a 60-word passage from an
 * earlier record (most in the same case).
 */
function syntheticExport(records: number, seed = 1): { records: CanonicalRecord[]; planted: [string, string][] } {
  const rnd = random(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const vocabulary = Array.from(
    { length: 6000 },
    (_, i) => SYLLABLES[i % 16] + SYLLABLES[(i >> 4) % 16] + SYLLABLES[(i >> 8) % 16] + (i >> 12 ? SYLLABLES[i >> 12] : ''),
  );
  const word = () => pick(vocabulary);
  const sentence = () => Array.from({ length: 8 + Math.floor(rnd() * 10) }, word).join(' ') + '.';
  const stock = Array.from({ length: 40 }, sentence);
  const out: CanonicalRecord[] = [];
  const planted: [string, string][] = [];
  const cases = Math.max(1, Math.round(records / 10));
  const casePhrases = Array.from({ length: cases }, () => Array.from({ length: 8 }, () => Array.from({ length: 6 }, word).join(' ')));
  for (let i = 0; i < records; i++) {
    const c = i % cases;
    const child = (c * 7 + (rnd() < 0.5 ? 0 : 1)) % 5000;
    const parts: string[] = [];
    while (parts.join(' ').split(' ').length < 200) parts.push(rnd() < 0.1 ? pick(stock) : sentence());
    parts.splice(1, 0, `${pick(casePhrases[c])}.`);
    parts.splice(4, 0, `${pick(casePhrases[c])}.`);
    if (i > 20 && rnd() < 0.05) {
      const sameCase = i - cases * (1 + Math.floor(rnd() * 3));
      const from = out[rnd() < 0.7 && sameCase >= 0 ? sameCase : Math.floor(rnd() * i)];
      const words = from.text.split(' ');
      const at = Math.floor(rnd() * (words.length - 60));
      parts.splice(2, 0, words.slice(at, at + 60).join(' '));
      planted.push([`S-${i + 1}`, from.record_id]);
    }
    const day = new Date(Date.UTC(2022, 0, 1) + Math.floor((i / records) * 700 + rnd() * 30) * 86_400_000).toISOString().slice(0, 10);
    out.push({
      record_id: `S-${i + 1}`,
      case_id: `C-${c + 1}`,
      subject_id: `P-${child}`,
      subject_name: `${FIRST_NAMES[child % 16]} Test${child}`,
      subject_dob: '2014-05-01',
      subject_gender: child % 2 ? 'male' : 'female',
      record_date: day,
      recorded_at: null,
      author: null,
      team: null,
      record_type: null,
      text: parts.join(' '),
      source: { path: 'synthetic.csv', line: i + 2, record: i + 1 },
    });
  }
  return { records: out, planted };
}

const RULE = {
  id: 'test.duplication',
  kind: 'duplication',
  category: 'duplication',
  severity: 'error',
  standards: ['3.11'],
  message: 'm',
  pack: 'p',
  kinds: {
    copy_forward: { severity: 'warning', message: 'cf' },
    cross_case: { severity: 'error', message: 'cc' },
    identity_mismatch: { severity: 'error', message: 'im' },
  },
} as unknown as Rule;

function run({ records, planted }: ReturnType<typeof syntheticExport>) {
  const check = duplicationKind.createCheck([RULE], { asOf: '2024-01-01', sections: {}, collectMentions: false }) as DuplicationCheck;
  for (const r of records) check.record(r);
  const flags = check.finish();
  const pairs = new Set(flags.flatMap((f) => [`${f.record.record_id}>${f.related_record_ids![0]}`, `${f.related_record_ids![0]}>${f.record.record_id}`]));
  return { stats: check.stats, flags, found: planted.filter(([t, s]) => pairs.has(`${t}>${s}`)).length / planted.length };
}

describe('duplication check at scale', () => {
  it('pairs records in proportion to their number, not its square', () => {
    const small = run(syntheticExport(2_000));
    const large = run(syntheticExport(20_000));
    const perRecord = (s: typeof small.stats) => s.candidatePairs / s.records;
    console.log(
      `duplication scaling: 2,000 records → ${small.stats.candidatePairs} candidate pairs, ${small.flags.length} flags, ${Math.round(small.found * 100)}% of planted copies found; ` +
        `20,000 records → ${large.stats.candidatePairs} candidate pairs, ${large.flags.length} flags, ${Math.round(large.found * 100)}% found; ` +
        `fingerprints ${(large.stats.fingerprints / large.stats.records).toFixed(1)} a record; ` +
        `kept ${(large.stats.recordBytes / large.stats.records).toFixed(0)} B of record and ${(large.stats.fingerprintBytes / large.stats.records).toFixed(0)} B of fingerprints a record`,
    );
    expect(small.stats.candidatePairs).toBeGreaterThan(0);
    // All pairs would be 1,000 and 10,000 a record; the index keeps the count per record flat.
    expect(perRecord(large.stats)).toBeLessThan(perRecord(small.stats) * 1.3);
    expect(perRecord(large.stats)).toBeGreaterThan(perRecord(small.stats) * 0.7);
    // The planted pastes are found at both sizes (a few are mostly boilerplate, rightly not flagged).
    expect(small.found).toBeGreaterThan(0.9);
    expect(large.found).toBeGreaterThan(0.9);
  });
});
