import { DISMISSAL_REASONS, type DismissalReason, type ReviewDecision } from '../model/flag.ts';
import type { ReviewStat } from '../model/sections.ts';

/** One decision as the counts need it: whose flag (rule, label), what was decided and why. */
export interface Decision {
  rule?: string;
  label?: string;
  decision: ReviewDecision;
  reason_code?: DismissalReason;
}

/** The rule of a decision whose file did not record it (a version 1 file read on its own). */
export const RULE_NOT_RECORDED = '(rule not recorded)';

/**
 * What the decisions teach: per rule (in rule id order), per label (in label order), then all of
 * them: confirmed, dismissed, dismissals by reason, and the field precision (confirmed / decided).
 */
export function reviewStats(decisions: Decision[]): ReviewStat[] {
  const byRule = new Map<string, Decision[]>();
  const byLabel = new Map<string, Decision[]>();
  for (const d of decisions) {
    push(byRule, d.rule ?? RULE_NOT_RECORDED, d);
    if (d.label) push(byLabel, d.label, d);
  }
  const rows = (by: 'rule' | 'label', groups: Map<string, Decision[]>) =>
    [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, list]) => stat(by, key, list));
  return [...rows('rule', byRule), ...rows('label', byLabel), ...(decisions.length ? [stat('all', 'all', decisions)] : [])];
}

function stat(by: ReviewStat['by'], key: string, list: Decision[]): ReviewStat {
  const confirmed = list.filter((d) => d.decision === 'confirmed').length;
  const dismissed = list.length - confirmed;
  const dismissed_for = Object.fromEntries(DISMISSAL_REASONS.map((r) => [r, 0])) as Record<string, number>;
  for (const d of list) if (d.decision === 'dismissed') dismissed_for[d.reason_code ?? 'other']++;
  const labels = new Set(list.map((d) => d.label ?? null));
  const label = by === 'rule' && labels.size === 1 ? [...labels][0] : by === 'label' ? key : null;
  return { by, key, label, confirmed, dismissed, decided: list.length, precision: Math.round((confirmed / list.length) * 100) / 100, dismissed_for };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
