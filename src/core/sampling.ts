import { readInputs } from '../intake/read-inputs.ts';
import type { InputSource, IntakeOptions } from '../intake/read-export.ts';
import { caseRank, chooseCases, parseSample, type SampleInfo, type SampleSpec } from '../intake/sample.ts';
import { UserError } from '../model/errors.ts';

/** Which whole cases an audit keeps (asked as each case is first read), and what the report records of the choice. */
export interface CaseSample {
  keep: (caseId: string) => boolean;
  info: () => SampleInfo;
}

/** Every case id in the inputs, for a sample of a given number of cases (a first pass). */
export async function listCases(sources: InputSource[], intake: IntakeOptions): Promise<string[]> {
  const cases = new Set<string>();
  for await (const item of readInputs(sources, intake, [], [])) if (item.record) cases.add(item.record.case_id);
  return [...cases];
}

/**
 * `--sample` (`25` cases or `10%`) with its seed. A percentage decides each case as it is read;
 * a number of cases needs every case id first, so it reads the inputs once before the audit.
 */
export async function caseSample(value: string, seed: string, sources: InputSource[], intake: IntakeOptions): Promise<CaseSample> {
  let spec: SampleSpec;
  try {
    spec = { ...parseSample(value), seed };
  } catch (err) {
    throw new UserError(`--sample: ${(err as Error).message}`);
  }
  const seen = new Set<string>();
  const kept = new Set<string>();
  if (spec.count !== undefined) {
    if (sources.some((s) => s.path === '-'))
      throw new UserError('--sample with a number of cases reads the input twice, so it cannot read standard input; use a percentage (--sample 10%)');
    const all = await listCases(sources, intake);
    all.forEach((c) => seen.add(c));
    chooseCases(all, spec).forEach((c) => kept.add(c));
  }
  return {
    keep: (caseId: string) => {
      if (spec.count !== undefined) return kept.has(caseId);
      seen.add(caseId);
      const keep = caseRank(caseId, seed) < spec.percent! / 100;
      if (keep) kept.add(caseId);
      return keep;
    },
    info: () => ({ requested: value, seed, cases_total: seen.size, cases_selected: kept.size }),
  };
}
