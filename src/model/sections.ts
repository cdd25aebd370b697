/**
 * The report sections some rule kinds add beside the flags (`label_histories`,
 * `staleness_timeline`): their shape as the report and its formats read them. The report and the
 * formats import these, never the checks that fill them in.
 */

/** What the reading engine (src/reading/assertion.ts) decides about one mention: `refuted` is evidence against an earlier use in the same sentence. */
export const STATUSES = ['negated', 'refuted', 'hypothetical', 'attributed', 'evidenced', 'asserted'] as const;
export type MentionStatus = (typeof STATUSES)[number];

/** A record's part in one label's history within a case. */
export interface HistoryEntry {
  record_id: string;
  record_date: string;
  recorded_at: string | null;
  /** `mention` of the label (with its status), or `contrary-evidence` against it. */
  event: 'mention' | 'contrary-evidence';
  status?: MentionStatus;
  /** The words of the mention, or the sentence that carries the contrary evidence. */
  text: string;
  /** The cue that decided the status, or the contrary source. */
  cue: string | null;
}

/** One label's chronology in one case (`label_histories`). */
export interface LabelHistory {
  case_id: string;
  label: string;
  /** The first record that applied the label (asserted, evidenced or attributed), if any did. */
  first_record_id: string | null;
  first_record_date: string | null;
  /** Records that applied it after the first. */
  repeated_in: string[];
  evidenced: boolean;
  contrary_evidence_record_ids: string[];
  /** Records that asserted the label after a record of contrary evidence. */
  repeated_after_contrary_evidence: string[];
  entries: HistoryEntry[];
}

/** What a statement does in a staleness rule's chronology. */
export type StalenessRole = 'event' | 'claim' | 'reversal';

/** One step of a case's chronology for one rule (content-light: ids, dates and a few words). */
export interface TimelineEntry {
  record_id: string;
  record_date: string;
  role: StalenessRole;
  words: string;
  /** For a claim: the event record that made it out of date, or null when none did. */
  stale_since?: string | null;
}

/** A rule's chronology in one case (`staleness_timeline`): its events, reversals and claims in record order. */
export interface StalenessTimeline {
  case_id: string;
  rule: string;
  entries: TimelineEntry[];
}
