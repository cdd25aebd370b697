import type { CanonicalRecord, RecordPlace, RecordReader } from '../model/record.ts';
import type { FlagDraft, RuleMeta } from '../model/flag.ts';
import type { RuleProblem } from '../model/rule-problem.ts';
import type { SectionDeclaration } from '../model/sections.ts';
import type { Steps } from '../model/steps.ts';

/** A rule as compiled from its pack: the common fields plus its kind's own. */
export type Rule = RuleMeta & Record<string, unknown>;

/** What every check may know about the run. */
export interface CheckEnv {
  /** The run's reference date, YYYY-MM-DD. */
  asOf: string;
  /** Pack-level sections (e.g. `assertion` cues) from every pack, by key, in pack order. */
  sections: Record<string, unknown[]>;
  /** Keep every label mention for the report's inventory (`--mentions`). */
  collectMentions: boolean;
  /** Keep each case's staleness events and claims for the report (`--timeline`). */
  timeline?: boolean;
  /**
   * Skip a record's regular expressions when its text holds none of the literals they need
   * (src/text/text-gates.ts). On unless false: off only to measure or to test the gates.
   */
  prefilter?: boolean;
  /**
   * Reads a record again from the place `record()` was given with it (main thread only: not
   * sent to the workers). A check that needs a few records' text again at the end keeps their
   * places rather than the records.
   */
  records?: RecordReader;
}

/**
 * A check runs over the records in input order. Record-level findings come back from
 * `record()` straight away; findings that need the whole case or export come from `finish()`.
 */
export interface Check {
  /** `place`: where the record is in its file, when intake can read it again (env.records). */
  record(record: CanonicalRecord, place?: RecordPlace): FlagDraft[];
  /**
   * The same work as record() in steps (model/steps.ts), for a check whose work on one very long
   * record (a note of tens of megabytes) can take long: the audit takes breaks between the
   * steps so that a signal is handled. Steps fall between the check's passes over the text and
   * every few thousand items of a loop over it.
   */
  recordInSteps?(record: CanonicalRecord, place?: RecordPlace): Steps<FlagDraft[]>;
  finish(): FlagDraft[];
  /**
   * The same work as finish() in steps (model/steps.ts), for a check whose finish can take long
   * on a large export: the audit takes breaks between the steps so that a signal is handled.
   */
  finishInSteps?(): Steps<FlagDraft[]>;
  /** Extra report sections, available after finish(): only those its kind declares in `reportSections`. */
  sections?(): Record<string, unknown[]>;
}

/** Kept here too, beside the contract that uses it, for the rule kinds' convenience. */
export type { RuleProblem };

/** One rule kind: its schema, its extra validation, and how its rules become a check. */
/** A pack-level section: a key beside `rules:` whose lists from every pack are joined. */
export interface PackSection {
  key: string;
  schema: object;
  validate?(section: unknown): RuleProblem[];
}

export interface RuleKind {
  kind: string;
  /**
   * What a check of this kind must see: `case` (the default) when it reads each record alone or
   * within its case, so that it can run in a worker given whole cases; `export` when it compares
   * records across cases (duplication, another child's name), so that it runs on the main thread.
   */
  scope?: 'case' | 'export';
  /** One line on what the kind does (for `rules list` and the docs). */
  summary: string;
  /** JSON Schema properties the kind adds to the common rule fields. */
  properties: Record<string, object>;
  /** Which of those properties a rule must have. */
  required: string[];
  validate?(rule: Rule): RuleProblem[];
  /** Pack-level sections this kind reads (e.g. the label kind's `assertion` cues, the staleness kind's `people` and `tense`). */
  sections?: PackSection[];
  /**
   * The sections this kind's checks may add to the report (their `sections()`): key, order, how
   * parts merge and which fields hold record text. The declarations themselves live in
   * `model/sections.ts`, so that the report and the formats can read them without importing checks.
   */
  reportSections?: SectionDeclaration[];
  createCheck(rules: Rule[], env: CheckEnv): Check;
}
