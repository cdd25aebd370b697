/**
 * The report sections some rule kinds add beside the flags (`label_histories`,
 * `mentions`, `fact_sheet`, `staleness_timeline`): their shape and their declarations (key, order, merging, record
 * text), as the report and its formats read them. The report and the
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

/** One change of a fact: the state a record establishes, and how (an event, a reversal, or a first claim). */
export interface FactChange {
  state: string;
  record_id: string;
  record_date: string;
  role: StalenessRole;
}

/** A later record that still states the state an earlier change overtook (a stale claim). */
export interface StaleStatement {
  record_id: string;
  record_date: string;
  /** The old state it states, as the rule's `fact:` names it. */
  state: string;
  /** The record whose change it ignores. */
  since_record_id: string;
}

/** One topic's current state for one person, by the records: states and ids and dates, no record text. */
export interface Fact {
  topic: string;
  /** The state of the last change, the date of its record, and that record. */
  state: string;
  since: string;
  record_id: string;
  /** The staleness rules whose statements make up the fact. */
  rules: string[];
  /** Every change in record order, the current one last. */
  history: FactChange[];
  stale_claims: StaleStatement[];
}

/** One person's facts in a case. */
export interface PersonFacts {
  /** The best name the records give (title and surname, else a role such as "mother"), or the rule's `about`, or "unnamed". Record text. */
  name: string;
  facts: Fact[];
}

/** A case's fact sheet (`fact_sheet`): for each person and topic with a documented change, the current state by the records. */
export interface FactSheet {
  case_id: string;
  people: PersonFacts[];
}

/** A label mention in the report's inventory (`mentions`, with --mentions), whatever its status. */
export interface MentionEntry {
  record_id: string;
  case_id: string;
  label: string;
  status: string;
  span: { start: number; end: number; text: string };
  cue: string | null;
  /** Where the cue that decided the status stands in the record (absent for asserted mentions). */
  cue_span?: { start: number; end: number; text: string };
}

/**
 * What the auditors' decisions say about one rule, one label, or every flag decided
 * (`review_stats`, with --reviewed): how many flags were confirmed and dismissed, for which
 * reasons, and the field precision, confirmed / decided.
 */
export interface ReviewStat {
  by: 'rule' | 'label' | 'all';
  /** The rule id, the label, or `all`. */
  key: string;
  /** For a rule: the label its flags carry, when they all carry the same one. */
  label: string | null;
  confirmed: number;
  dismissed: number;
  decided: number;
  /** confirmed / decided, to two decimals. */
  precision: number;
  /** Dismissals by reason code, every code listed. */
  dismissed_for: Record<string, number>;
}

/** Every section a rule kind (or, for `review_stats`, the reviewed file) may add to the report, by key, with the shape of its items. */
export interface ReportSections {
  label_histories?: LabelHistory[];
  mentions?: MentionEntry[];
  staleness_timeline?: StalenessTimeline[];
  fact_sheet?: FactSheet[];
  review_stats?: ReviewStat[];
}

export type SectionKey = keyof ReportSections;

/** How the parts of one section become one list. */
export interface SectionMerge {
  /**
   * Parts from worker threads, each over its own cases: the lists are joined, then sorted by
   * these fields in turn (locale order, as the checks sort them).
   */
  sortBy?: string[];
  /** Parts from worker threads: joined, then put back (stably) in the order the records were read, by `record_id`. */
  readOrder?: boolean;
  /**
   * Reports audited in parts (`scrutineer merge`), joined in the order given: kept when `any`
   * part has the section, only when `every` part has it (an inventory some part left out would
   * be incomplete), or `never`.
   */
  acrossReports: 'any' | 'every' | 'never';
}

/**
 * A report section as its rule kind declares it (`RuleKind.reportSections`). Merging, the text
 * policy and the formats read this instead of knowing the check that fills the section in.
 */
export interface SectionDeclaration<K extends SectionKey = SectionKey> {
  key: K;
  /** Where the section stands among the checks' sections at the end of the report: lowest first. */
  order: number;
  merge: SectionMerge;
  /**
   * The fields of each item that hold record text, for the text policy (blanked with snippets
   * off, masked with --redact): `a.b` is field `b` of object `a`, `a[].b` field `b` of each item
   * of list `a`. A field that is absent or not a string is left as it is.
   */
  recordText: string[];
}

export const LABEL_HISTORIES: SectionDeclaration<'label_histories'> = {
  key: 'label_histories',
  order: 10,
  merge: { sortBy: ['case_id', 'label'], acrossReports: 'any' },
  recordText: ['entries[].text', 'entries[].cue'],
};

export const MENTIONS: SectionDeclaration<'mentions'> = {
  key: 'mentions',
  order: 20,
  merge: { readOrder: true, acrossReports: 'every' },
  recordText: ['span.text', 'cue', 'cue_span.text'],
};

/**
 * Before the timeline it is drawn from. Parts audited by case each hold whole cases, so
 * `scrutineer merge` joins them when every part has the section (all were run with --timeline).
 */
export const FACT_SHEET: SectionDeclaration<'fact_sheet'> = {
  key: 'fact_sheet',
  order: 25,
  merge: { sortBy: ['case_id'], acrossReports: 'every' },
  recordText: ['people[].name'],
};

export const STALENESS_TIMELINE: SectionDeclaration<'staleness_timeline'> = {
  key: 'staleness_timeline',
  order: 30,
  merge: { sortBy: ['case_id', 'rule'], acrossReports: 'never' },
  recordText: ['entries[].words'],
};

/**
 * Not a rule kind's: the report adds it when --reviewed is given. It holds counts only, no
 * record text; a merge leaves it out, since the reviewed file is an output-only option.
 */
export const REVIEW_STATS: SectionDeclaration<'review_stats'> = {
  key: 'review_stats',
  order: 40,
  merge: { acrossReports: 'never' },
  recordText: [],
};

/** A section's items in a report (none when the report does not have it). */
export function sectionItems<K extends SectionKey>(report: ReportSections, section: SectionDeclaration<K>): NonNullable<ReportSections[K]> {
  const items = report[section.key];
  return (Array.isArray(items) ? items : []) as NonNullable<ReportSections[K]>;
}

/** The declarations in the order their sections stand in the report. */
export function inReportOrder(sections: readonly SectionDeclaration[]): SectionDeclaration[] {
  const seen = new Map<string, SectionDeclaration>();
  for (const s of sections) seen.set(s.key, s);
  return [...seen.values()].sort((a, b) => a.order - b.order);
}
