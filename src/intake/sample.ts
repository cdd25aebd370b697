import { createHash } from 'node:crypto';

/** `--sample 25` (cases) or `--sample 10%`, with a seed: which whole cases an audit reads. */
export interface SampleSpec {
  count?: number;
  percent?: number;
  seed: string;
}

/** What the report records about a sample. */
export interface SampleInfo {
  requested: string;
  seed: string;
  cases_total: number;
  cases_selected: number;
}

export function parseSample(value: string): Omit<SampleSpec, 'seed'> {
  const percent = /^(\d+(?:\.\d+)?)%$/.exec(value);
  if (percent && Number(percent[1]) > 0 && Number(percent[1]) <= 100) return { percent: Number(percent[1]) };
  if (/^\d+$/.test(value) && Number(value) > 0) return { count: Number(value) };
  throw new Error(`use a number of cases (25) or a percentage (10%), not '${value}'`);
}

/** A case's place in the seeded order: the same seed and case id always give the same number in [0, 1). */
export function caseRank(caseId: string, seed: string): number {
  return createHash('sha256').update(`${seed}\u0000${caseId}`).digest().readUInt32BE(0) / 2 ** 32;
}

/**
 * The cases a sample keeps. A percentage keeps each case whose rank falls under it (one pass,
 * no list needed); a count keeps the cases with the lowest ranks, so it needs every case id.
 */
export function chooseCases(caseIds: Iterable<string>, spec: SampleSpec): Set<string> {
  const ids = [...new Set(caseIds)];
  if (spec.percent !== undefined) return new Set(ids.filter((id) => caseRank(id, spec.seed) < spec.percent! / 100));
  return new Set(
    ids
      .map((id) => [id, caseRank(id, spec.seed)] as const)
      .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, spec.count)
      .map(([id]) => id),
  );
}
