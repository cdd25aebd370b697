import type { CanonicalRecord, RecordPlace } from '../../model/record.ts';
import type { RereadableInput } from '../../intake/read-export.ts';
import type { FlagDraft } from '../../model/flag.ts';
import type { CheckEnv, Rule } from '../../checks/rule-kind.ts';

/**
 * What the main thread and a check worker say to each other. Everything here is plain data
 * (structured-cloned by postMessage): a draft names its rule by its place in the rule list the
 * worker was given, since a rule object cannot cross threads as the same object.
 */
export interface WorkerInit {
  rules: Rule[];
  env: CheckEnv;
}

/**
 * `input`: a file whose rows can be read again (sent to every worker as intake registers it, so
 * each numbers the files as the main thread does); `places`: each record's place, or null.
 */
export type ToWorker =
  | { type: 'input'; input: RereadableInput }
  | { type: 'records'; batch: number; records: CanonicalRecord[]; places: (RecordPlace | null)[] }
  | { type: 'finish' };

export interface DraftOnWire extends Omit<FlagDraft, 'rule'> {
  rule_index: number;
}

export type FromWorker =
  | { type: 'done'; batch: number; drafts: DraftOnWire[] }
  | { type: 'finished'; drafts: DraftOnWire[]; sections: Record<string, unknown[]> }
  | { type: 'failed'; message: string; stack?: string };

export function toWire(draft: FlagDraft, ruleIndex: Map<Rule, number>): DraftOnWire {
  const { rule, ...rest } = draft;
  const index = ruleIndex.get(rule as Rule);
  if (index === undefined) throw new Error(`draft for a rule the worker was not given: ${rule.id}`);
  return { ...rest, rule_index: index };
}

export function fromWire(draft: DraftOnWire, rules: Rule[]): FlagDraft {
  const { rule_index, ...rest } = draft;
  return { ...rest, rule: rules[rule_index] };
}
