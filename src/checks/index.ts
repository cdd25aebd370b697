import type { RuleKind } from './rule-kind.ts';
import { phraseKind } from './phrase/phrase.ts';
import { labelKind } from './label/label.ts';

/** Every rule kind scrutineer knows, by name. */
export const RULE_KINDS: RuleKind[] = [phraseKind, labelKind];

export function findKind(kind: string): RuleKind | undefined {
  return RULE_KINDS.find((k) => k.kind === kind);
}
