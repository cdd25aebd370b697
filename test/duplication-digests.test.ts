import { describe, expect, it } from 'vitest';
import { duplicationKind } from '../src/checks/duplication/duplication.ts';
import type { DuplicationCheck } from '../src/checks/duplication/check.ts';
import { fingerprints, shingles, winnow } from '../src/checks/duplication/fingerprints.ts';
import { tokenize } from '../src/checks/duplication/tokens.ts';
import type { CheckEnv } from '../src/checks/rule-kind.ts';
import type { CanonicalRecord } from '../src/model/record.ts';
import { resolveInputs, readInputs } from '../src/intake/read-inputs.ts';
import { loadProfiles } from '../src/intake/profiles.ts';
import { packDigests, unpackDigests } from '../src/core/parallel/wire.ts';
import { defaultRulesOfKind } from './support/check-tester.ts';
import { random } from './support/random.ts';
import { repoPath } from './support/run-cli.ts';

/**
 * With worker threads the duplication check's fingerprints are worked out in the case workers
 * (RuleKind.digest) and handed back by record number, in whatever order the workers answer.
 * The check must then keep and number the records, pair them and flag them exactly as it does
 * when record() works the fingerprints out itself.
 */
const ENV: CheckEnv = { asOf: '2025-06-30', sections: {}, collectMentions: false };
const RULES = defaultRulesOfKind('duplication');

async function readRecords(path: string): Promise<CanonicalRecord[]> {
  const records: CanonicalRecord[] = [];
  for await (const item of readInputs(resolveInputs([path]), { profiles: loadProfiles(), dateOrder: 'dmy' }, [], []))
    if (item.record) records.push(item.record);
  return records;
}

/** Records of made-up prose in 40 cases: stock sentences shared by every case, short notes, and pastes from earlier records of the same or another case. */
function syntheticRecords(count: number, seed: number): CanonicalRecord[] {
  const next = random(seed);
  const pick = <T>(xs: T[]) => xs[next() % xs.length];
  // Words of letters only (a digit would mask the word as a number).
  const words = Array.from({ length: 3000 }, (_, i) => `w${[...i.toString(26)].map((d) => String.fromCharCode(97 + Number.parseInt(d, 26))).join('')}`);
  const sentence = () => `${Array.from({ length: 6 + (next() % 12) }, () => pick(words)).join(' ')}.`;
  const stock = Array.from({ length: 30 }, sentence);
  const names = ['Amy', 'Josh', 'Lily', 'Harvey', 'Ruby', 'Tyler'];
  const out: CanonicalRecord[] = [];
  for (let i = 0; i < count; i++) {
    const c = next() % 40;
    const parts: string[] = [];
    const length = next() % 10 ? 120 : 20;
    while (parts.join(' ').split(' ').length < length) parts.push(next() % 8 ? sentence() : pick(stock));
    if (i > 10 && next() % 12 === 0) {
      const from = out[next() % out.length].text.split(' ');
      const at = next() % Math.max(1, from.length - 50);
      parts.splice(1, 0, from.slice(at, at + 50).join(' '));
    }
    out.push({
      record_id: `S-${i + 1}`,
      case_id: `C-${c}`,
      subject_id: `P-${c}`,
      subject_name: `${names[c % names.length]} Test${c}`,
      subject_dob: '2015-01-01',
      subject_gender: c % 2 ? 'male' : 'female',
      record_date: new Date(Date.UTC(2022, 0, 1) + (next() % 700) * 86_400_000).toISOString().slice(0, 10),
      recorded_at: null,
      author: null,
      team: null,
      record_type: null,
      text: `${names[c % names.length]} was seen. ${parts.join(' ')}`,
      source: { path: 'synthetic.csv', line: i + 2, record: i + 1 },
    });
  }
  return out;
}

/** The check on one thread: record() works the fingerprints out. */
function onOneThread(records: CanonicalRecord[]) {
  const check = duplicationKind.createCheck(RULES, ENV) as DuplicationCheck;
  for (const r of records) expect(check.record(r)).toEqual([]);
  const flags = check.finish();
  return { flags, stats: check.stats };
}

/**
 * The check as the audit runs it with `workers` workers: record() on the main thread, each
 * case's records digested by its worker in order, in batches, packed and unpacked as on the
 * wire, the workers' batches answered in a shuffled order.
 */
function withWorkers(records: CanonicalRecord[], workers: number, seed: number) {
  const check = duplicationKind.createCheck(RULES, { ...ENV, digestsElsewhere: true }) as DuplicationCheck;
  const digest = duplicationKind.digest!(RULES, ENV);
  const queues: number[][][] = Array.from({ length: workers }, () => [[]]);
  records.forEach((r, n) => {
    expect(check.record(r)).toEqual([]);
    const q = queues[Number(r.case_id.slice(2)) % workers];
    if (q[q.length - 1].length === 7) q.push([]);
    q[q.length - 1].push(n);
  });
  const next = random(seed);
  for (;;) {
    const open = queues.filter((q) => q.length);
    if (!open.length) break;
    const batch = pick(open, next).shift()!;
    const packed = packDigests(
      (function* () {
        for (const n of batch) yield digest(records[n]);
      })(),
      batch.length,
    );
    unpackDigests(structuredClone(packed), (i, d) => check.digested(batch[i], d));
  }
  const flags = check.finish();
  return { flags, stats: check.stats };
}

function pick<T>(xs: T[], next: () => number): T {
  return xs[next() % xs.length];
}

const same = (a: ReturnType<typeof onOneThread>, b: ReturnType<typeof onOneThread>) => {
  expect(b.stats).toEqual(a.stats);
  expect(b.flags).toEqual(a.flags);
};

describe('duplication fingerprints worked out in the workers', () => {
  it('are the fingerprints record() works out, or null for a record too short to index', () => {
    const digest = duplicationKind.digest!(RULES, ENV);
    const records = syntheticRecords(300, 3);
    let nulls = 0;
    for (const r of records) {
      const ids = tokenize(r.text, r.subject_name).ids;
      const d = digest(r);
      if (ids.length < 40) {
        expect(d).toBeNull();
        nulls++;
      } else expect([...d!]).toEqual([...winnow(shingles(ids))]);
    }
    expect(nulls).toBeGreaterThan(10);
    // The digest's array is reused by the next call, as fingerprints() reuses its own.
    const ids = tokenize(records[0].text).ids;
    expect(fingerprints(ids).buffer).toBe(fingerprints(tokenize(records[1].text).ids).buffer);
  });

  it('give the same candidate pairs, numbering and flags as record() on one thread: the duplication fixture', async () => {
    const records = await readRecords(repoPath('fixtures/duplication/notes.csv'));
    const one = onOneThread(records);
    expect(one.flags.length).toBeGreaterThan(30);
    for (const [workers, seed] of [
      [1, 1],
      [2, 2],
      [3, 3],
    ])
      same(one, withWorkers(records, workers, seed));
  });

  it('give the same candidate pairs, numbering and flags as record() on one thread: 1,500 synthetic records', () => {
    const records = syntheticRecords(1500, 7);
    const one = onOneThread(records);
    expect(one.stats.candidatePairs).toBeGreaterThan(50);
    expect(one.stats.indexed).toBeLessThan(one.stats.records);
    expect(one.flags.length).toBeGreaterThan(20);
    for (const seed of [1, 2, 3]) same(one, withWorkers(records, 2, seed));
  });

  it('are refused twice for one record, and a finish with some still to come', () => {
    const records = syntheticRecords(3, 5);
    const check = duplicationKind.createCheck(RULES, { ...ENV, digestsElsewhere: true }) as DuplicationCheck;
    for (const r of records) check.record(r);
    check.digested(1, Uint32Array.of(5, 6));
    expect(() => check.digested(1, null)).toThrow(/came twice/);
    expect(() => check.digested(3, null)).toThrow(/no record waiting/);
    expect(() => check.finish()).toThrow(/fingerprints of 2 records still to come/);
  });
});

describe('digests on the wire', () => {
  it('unpack to the digests packed, nulls and empty ones included', () => {
    const digests = [Uint32Array.of(1, 2, 3), null, new Uint32Array(0), Uint32Array.from({ length: 3000 }, (_, i) => i * 7), null, Uint32Array.of(9)];
    const packed = packDigests(digests, digests.length);
    const out: (number[] | null)[] = [];
    unpackDigests(packed, (i, d) => (out[i] = d && [...d]));
    expect(out).toEqual(digests.map((d) => d && [...d]));
    expect(packed.values.length).toBe(3004);
  });
});
