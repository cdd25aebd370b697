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
  /**
   * The kind's `digest` (RuleKind.digest) is worked out elsewhere, by the case workers, and
   * given to the check's `digested()`: its record() keeps only what it needs of the record
   * itself. Set by the audit for export-scoped kinds when it runs workers.
   */
  digestsElsewhere?: boolean;
}

/**
 * What a record comes to for an export-scoped check, worked out from that record alone: for
 * duplication, its winnowed fingerprints, or null when it is too short to index. The array may
 * be reused by the next call: copy what is kept.
 */
export type Digest = (record: CanonicalRecord) => Uint32Array | null;

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
  /**
   * With `env.digestsElsewhere`: the digest of the check's n-th record (0-based, in the order
   * record() was given them), as its kind's `digest` worked it out in a worker. Digests may come
   * in any order and must all have come before finish(); the array is the caller's: copy what is kept.
   */
  digested?(n: number, digest: Uint32Array | null): void;
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
  /**
   * For an export-scoped kind: the part of its record() that reads a record alone, to be run
   * in the case workers (with `env.digestsElsewhere` for the check), so that the main thread
   * only reads, routes and merges compact digests. The same function runs in record() when
   * there are no workers, so the report is the same either way.
   */
  digest?(rules: Rule[], env: CheckEnv): Digest;
  createCheck(rules: Rule[], env: CheckEnv): Check;
}
