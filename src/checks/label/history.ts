import type { HistoryEntry, LabelHistory, MentionStatus as Status } from '../../model/sections.ts';

export type { HistoryEntry, LabelHistory };

const APPLIES: Status[] = ['asserted', 'evidenced', 'attributed'];

export function compareEntries(a: HistoryEntry, b: HistoryEntry): number {
  return (
    a.record_date.localeCompare(b.record_date) ||
    (a.recorded_at ?? '').localeCompare(b.recorded_at ?? '') ||
    a.record_id.localeCompare(b.record_id) ||
    (a.event === b.event ? 0 : a.event === 'contrary-evidence' ? -1 : 1)
  );
}

/**
 * One label's chronology in one case: where it started, where it was repeated, whether any
 * record evidenced it, and which assertions came after evidence against it.
 */
export function buildHistory(
  caseId: string,
  label: string,
  entries: HistoryEntry[],
  /** Whether evidence against the label and a later use are about the same person (default: always). */
  samePerson: (contrary: HistoryEntry, use: HistoryEntry) => boolean = () => true,
): LabelHistory {
  const sorted = [...entries].sort(compareEntries);
  const uses = sorted.filter((e) => e.event === 'mention' && APPLIES.includes(e.status!));
  const first = uses[0];
  const useRecords = [...new Set(uses.map((e) => e.record_id))];
  const contrary = sorted.filter((e) => e.event === 'contrary-evidence');
  const after: string[] = [];
  for (const e of sorted) {
    if (e.event !== 'mention' || e.status !== 'asserted' || after.includes(e.record_id)) continue;
    // (Evidence against one parent does not contradict the label used of the other.)
    if (contrary.some((c) => compareEntries(c, e) < 0 && e.record_id !== c.record_id && samePerson(c, e))) after.push(e.record_id);
  }
  return {
    case_id: caseId,
    label,
    first_record_id: first?.record_id ?? null,
    first_record_date: first?.record_date ?? null,
    repeated_in: useRecords.slice(1),
    evidenced: uses.some((e) => e.status === 'evidenced'),
    contrary_evidence_record_ids: [...new Set(contrary.map((e) => e.record_id))],
    repeated_after_contrary_evidence: after,
    entries: sorted,
  };
}
