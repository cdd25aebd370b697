/**
 * A shared check tester, in the manner of ESLint's RuleTester: give it a rule (by id, or rules
 * of one kind) and text or records, and it gives back the flags a check of that kind makes, with
 * the default packs loaded once for every test file and their pack-level sections (assertion
 * cues, people words…) in the check's environment. Records come from a default record factory:
 * one child's case note, with whatever a test changes.
 */
import { DEFAULT_RULES_DIR, loadPacks, type LoadedPack } from '../../src/packs/load-packs.ts';
import { findKind } from '../../src/checks/index.ts';
import type { Check, CheckEnv, Rule } from '../../src/checks/rule-kind.ts';
import type { CanonicalRecord } from '../../src/model/record.ts';
import type { FlagDraft } from '../../src/model/flag.ts';
import { append } from '../../src/model/lists.ts';

let loaded: { packs: LoadedPack[]; sections: Record<string, unknown[]> } | null = null;

/** The default packs and their pack-level sections by key, loaded on first use and then kept. */
export function defaultPacks(): { packs: LoadedPack[]; sections: Record<string, unknown[]> } {
  if (!loaded) {
    const packs = loadPacks([DEFAULT_RULES_DIR]);
    const sections: Record<string, unknown[]> = {};
    for (const p of packs) for (const [k, v] of Object.entries(p.sections)) (sections[k] ??= []).push(v);
    loaded = { packs, sections };
  }
  return loaded;
}

/** A default rule by id; throws (naming it) if the default packs have none. */
export function defaultRule(id: string): Rule {
  const rule = defaultPacks()
    .packs.flatMap((p) => p.rules)
    .find((r) => r.id === id);
  if (!rule) throw new Error(`no default rule ${id}`);
  return rule;
}

/** Every default rule of a kind. */
export function defaultRulesOfKind(kind: string): Rule[] {
  return defaultPacks()
    .packs.flatMap((p) => p.rules)
    .filter((r) => r.kind === kind);
}

/** The record every test starts from: Amy Fenton's (born 10/03/2016, female) home visit of 06/06/2023. */
export const DEFAULT_RECORD: Omit<CanonicalRecord, 'record_id' | 'text' | 'source'> = {
  case_id: 'C1',
  subject_id: 'P1',
  subject_name: 'Amy Fenton',
  subject_dob: '2016-03-10',
  subject_gender: 'female',
  record_date: '2023-06-06',
  recorded_at: '2023-06-06T16:00',
  author: 'B Morgan',
  team: 'CIN',
  record_type: 'Home Visit',
};

export interface TesterOptions {
  /** Fields every record of this tester has unless a test changes them (over `DEFAULT_RECORD`). */
  record?: Partial<CanonicalRecord>;
  /** The file records come from (`source.path`). */
  path?: string;
  /** The check environment, over `asOf: '2025-06-30'`, the default packs' sections and no mentions. */
  env?: Partial<CheckEnv>;
}

/** Rules to run: a default rule's id, a rule, or rules of one kind. */
export type RulesGiven = string | Rule | Rule[];
/** What to run them over: text (made into a record) or records, read in the order given. */
export type RecordsGiven = string | CanonicalRecord | (string | CanonicalRecord)[];

export interface TesterRun {
  /** Drafts from `record()` for each record in turn, then from `finish()`. */
  flags: FlagDraft[];
  /** The check's report sections after `finish()`. */
  sections: Record<string, unknown[]>;
}

export class CheckTester {
  private n = 0;
  private readonly options: TesterOptions;

  constructor(options: TesterOptions = {}) {
    this.options = options;
  }

  /** A new record (ids R1, R2… in the order made) with `text` and whatever `extra` changes. */
  readonly record = (text: string, extra: Partial<CanonicalRecord> = {}): CanonicalRecord => {
    this.n++;
    return {
      record_id: `R${this.n}`,
      ...DEFAULT_RECORD,
      ...this.options.record,
      text,
      source: { path: this.options.path ?? 'export.csv', line: this.n + 1, record: this.n },
      ...extra,
    };
  };

  /** A check of the rules' kind, in this tester's environment (with `env` over it). */
  check(rules: RulesGiven, env: Partial<CheckEnv> = {}): Check {
    const list = toRules(rules);
    if (!list.length) throw new Error('no rules to test');
    const { sections } = defaultPacks();
    const kind = findKind(list[0].kind);
    if (!kind) throw new Error(`no rule kind ${list[0].kind}`);
    const full: CheckEnv = { asOf: '2025-06-30', sections, collectMentions: false, ...this.options.env, ...env };
    return kind.createCheck(list, full);
  }

  /** Runs the rules over the records and returns the flags and the check's sections. */
  run(rules: RulesGiven, records: RecordsGiven, env: Partial<CheckEnv> = {}): TesterRun {
    const check = this.check(rules, env);
    const given = Array.isArray(records) ? records : [records];
    const flags = given.flatMap((r) => check.record(typeof r === 'string' ? this.record(r) : r));
    append(flags, check.finish());
    return { flags, sections: check.sections?.() ?? {} };
  }

  /** The flags the rules make over the records (drafts from `record()`, then from `finish()`). */
  flags(rules: RulesGiven, records: RecordsGiven, env: Partial<CheckEnv> = {}): FlagDraft[] {
    return this.run(rules, records, env).flags;
  }
}

function toRules(rules: RulesGiven): Rule[] {
  if (typeof rules === 'string') return [defaultRule(rules)];
  return Array.isArray(rules) ? rules : [rules];
}

/** The words a draft points at (null when it points at the whole record). */
export function spanText(d: FlagDraft): string | null {
  return d.span ? d.record.text.slice(d.span.start, d.span.end) : null;
}
