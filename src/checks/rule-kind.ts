import type { CanonicalRecord } from '../intake/record.ts';
import type { FlagDraft, RuleMeta } from '../report/flag.ts';

/** A rule as compiled from its pack: the common fields plus its kind's own. */
export type Rule = RuleMeta & Record<string, unknown>;

/** What every check may know about the run. */
export interface CheckEnv {
  /** The run's reference date, YYYY-MM-DD. */
  asOf: string;
}

/**
 * A check runs over the records in input order. Record-level findings come back from
 * `record()` straight away; findings that need the whole case or export come from `finish()`.
 */
export interface Check {
  record(record: CanonicalRecord): FlagDraft[];
  finish(): FlagDraft[];
}

/** A problem found in a rule beyond its schema, reported against one of its keys. */
export interface RuleProblem {
  key: string;
  message: string;
}

/** One rule kind: its schema, its extra validation, and how its rules become a check. */
export interface RuleKind {
  kind: string;
  /** One line on what the kind does (for `rules list` and the docs). */
  summary: string;
  /** JSON Schema properties the kind adds to the common rule fields. */
  properties: Record<string, object>;
  /** Which of those properties a rule must have. */
  required: string[];
  validate?(rule: Rule): RuleProblem[];
  createCheck(rules: Rule[], env: CheckEnv): Check;
}
