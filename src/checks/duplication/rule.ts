import type { Rule } from '../rule-kind.ts';
import type { Severity } from '../../model/flag.ts';
import type { FindingKind } from './message.ts';

/** The severity and advice of one kind of finding. */
export interface KindSetting {
  severity: Severity;
  message: string;
}

/** A `duplication` rule: how long and how close a shared passage must be, and what is boilerplate. */
export interface DuplicationRule extends Rule {
  min_words?: number;
  min_similarity?: number;
  template_cases?: number;
  same_day_in_case?: boolean;
  allowed_passages?: string[];
  kinds: Record<FindingKind, KindSetting>;
}

/** Defaults for the optional fields (see README.md for how they were chosen). */
export const DEFAULTS = {
  min_words: 40,
  min_similarity: 0.7,
  template_cases: 5,
  same_day_in_case: false,
} as const;
