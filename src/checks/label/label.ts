import type { Check, CheckEnv, Rule, RuleKind } from '../rule-kind.ts';
import type { CanonicalRecord } from '../../model/record.ts';
import type { FlagDraft } from '../../model/flag.ts';
import { asMessage, joinQuoted, quote, written, type Part } from '../../model/quote.ts';
import { formatUkDate } from '../../intake/dates.ts';
import { compileCues } from '../../reading/assertion.ts';
import { cueProblems, mergeCues, type CueLists } from '../../reading/cues.ts';
import { buildHistory, type HistoryEntry, type LabelHistory } from './history.ts';
import { sentenceAt, splitSentences } from '../../reading/sentences.ts';
import { sexNear, type Sex } from '../../reading/people.ts';
import { LabelMatcher, type Mention } from './mentions.ts';
import { LABEL_HISTORIES, MENTIONS, type MentionEntry } from '../../model/sections.ts';
import { ASSERTION_SECTION_SCHEMA } from '../../reading/cue-schema.ts';
import { textGates } from '../../text/text-gates.ts';
import { unsafePatternReason } from '../../text/safe-regex.ts';
import { runSteps, STEP_ITEMS, type Steps } from '../../model/steps.ts';

/** A `label` rule: one stigmatising label, its surface forms, and what would evidence it. */
export interface LabelRule extends Rule {
  label: string;
  forms: string[];
  about?: 'a person' | 'a person or theirs';
  evidence_needed?: string;
  source?: string;
  contrary_sources?: string[];
}

const stringList = { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 };

export const labelKind: RuleKind = {
  kind: 'label',
  reportSections: [LABEL_HISTORIES, MENTIONS],
  summary: 'Finds a label about a person and reports it when the writer asserts it with no evidence, negation, hypothesis or attribution.',
  properties: {
    label: { type: 'string', minLength: 1, description: 'The canonical label name, e.g. FII.' },
    forms: {
      ...stringList,
      description:
        'Surface forms (inflections, synonyms), matched as whole words in any case; a /regular expression/ for verb and noun phrases ("uses cocaine", "drinks to excess").',
    },
    exclusions: {
      ...stringList,
      description: 'Phrases that hold a form but are not the label (e.g. "non-alcoholic drinks"); a form inside one is not a mention.',
    },
    about: {
      enum: ['a person', 'a person or theirs'],
      description:
        'What the label can describe: "a person or theirs" (the default: a parent, or their behaviour, home or relationship) or "a person" only ("hard to reach": a flat hard to reach by bus is not the family).',
    },
    evidence_needed: { type: 'string', description: 'What evidence would support the label.' },
    source: { type: 'string', description: 'The guidance the rule rests on.' },
    contrary_sources: {
      ...stringList,
      description: 'Independent sources whose negative or excluding result, in the same sentence, counts as evidence against the label.',
    },
  },
  required: ['label', 'forms'],
  validate(rule) {
    return ((rule as LabelRule).forms ?? []).flatMap((form, i) => {
      const m = /^\/(.+)\/$/.exec(form);
      if (!m) return [];
      try {
        new RegExp(m[1], 'iu');
      } catch (err) {
        return [{ key: `forms/${i}`, message: `not a valid regular expression: ${(err as Error).message}` }];
      }
      const unsafe = unsafePatternReason(m[1]);
      return unsafe ? [{ key: `forms/${i}`, message: `pattern refused: ${unsafe}` }] : [];
    });
  },
  sections: [{ key: 'assertion', schema: ASSERTION_SECTION_SCHEMA, validate: (s) => cueProblems(s as CueLists) }],
  createCheck(rules, env) {
    return new LabelCheck(rules as LabelRule[], env);
  },
};

/** One mention as kept until the end of the run (the record only when it will be flagged). */
interface KeptMention extends Mention {
  record_id: string;
  record_date: string;
  recorded_at: string | null;
  record?: CanonicalRecord;
}

class LabelCheck implements Check {
  private readonly matcher: LabelMatcher;
  private readonly ruleByLabel: Map<string, LabelRule>;
  private readonly byCase = new Map<string, Map<string, HistoryEntry[]>>();
  private readonly asserted: KeptMention[] = [];
  private readonly caseOf = new Map<KeptMention, string>();
  private readonly inventory: MentionEntry[] = [];
  private readonly collectMentions: boolean;
  /** The sex of whom each history entry is about, where its sentence says. */
  private readonly sexOf = new WeakMap<HistoryEntry, Sex | null>();
  /** Evidence against a label and a use of it are about the same person unless their sentences name people of different sex. */
  private readonly samePerson = (a: HistoryEntry, b: HistoryEntry): boolean => {
    const x = this.sexOf.get(a);
    const y = this.sexOf.get(b);
    return !x || !y || x === y;
  };

  constructor(rules: LabelRule[], env: CheckEnv) {
    this.collectMentions = env.collectMentions;
    const cues = mergeCues((env.sections.assertion ?? []) as CueLists[]);
    this.matcher = new LabelMatcher(rules, compileCues(cues), textGates(env));
    this.ruleByLabel = new Map(rules.map((r) => [r.label, r]));
  }

  record(record: CanonicalRecord): FlagDraft[] {
    return runSteps(this.recordInSteps(record));
  }

  /** record() in steps: the matcher's passes over the text, then a step every few thousand mentions. */
  *recordInSteps(record: CanonicalRecord): Steps<FlagDraft[]> {
    const { mentions, contrary } = yield* this.matcher.readInSteps(record.text);
    // Whom each use and each piece of evidence against is about, by sex (see samePerson).
    const sentences = mentions.length ? splitSentences(record.text) : [];
    if (mentions.length) yield;
    let n = 0;
    for (const m of mentions) {
      if (++n % STEP_ITEMS === 0) yield;
      const entry: HistoryEntry = {
        record_id: record.record_id,
        record_date: record.record_date,
        recorded_at: record.recorded_at,
        event: 'mention',
        status: m.status,
        text: m.text,
        cue: m.cue,
      };
      const sentence = sentences[sentenceAt(sentences, m.start)];
      if (sentence) this.sexOf.set(entry, sexNear(sentence.text, m.start - sentence.start));
      this.entries(record.case_id, m.label).push(entry);
      if (this.collectMentions) {
        this.inventory.push({
          record_id: record.record_id,
          case_id: record.case_id,
          label: m.label,
          status: m.status,
          span: { start: m.start, end: m.end, text: m.text },
          cue: m.cue,
          ...(m.cueSpan ? { cue_span: { ...m.cueSpan, text: record.text.slice(m.cueSpan.start, m.cueSpan.end) } } : {}),
        });
      }
      if (m.status === 'asserted') {
        const kept: KeptMention = { ...m, record_id: record.record_id, record_date: record.record_date, recorded_at: record.recorded_at, record };
        this.asserted.push(kept);
        this.caseOf.set(kept, record.case_id);
      }
    }
    for (const c of contrary) {
      if (++n % STEP_ITEMS === 0) yield;
      const entry: HistoryEntry = {
        record_id: record.record_id,
        record_date: record.record_date,
        recorded_at: record.recorded_at,
        event: 'contrary-evidence',
        text: c.sentence,
        cue: c.cue,
      };
      this.sexOf.set(entry, sexNear(c.sentence, c.sentence.length));
      this.entries(record.case_id, c.label).push(entry);
    }
    return [];
  }

  private entries(caseId: string, label: string): HistoryEntry[] {
    let labels = this.byCase.get(caseId);
    if (!labels) this.byCase.set(caseId, (labels = new Map()));
    let list = labels.get(label);
    if (!list) labels.set(label, (list = []));
    return list;
  }

  /** Each case's history of each label: a step after each case. */
  private *histories(): Steps<Map<string, LabelHistory>> {
    const out = new Map<string, LabelHistory>();
    for (const [caseId, labels] of this.byCase) {
      for (const [label, entries] of labels) out.set(`${caseId}\u0000${label}`, buildHistory(caseId, label, entries, this.samePerson));
      yield;
    }
    return out;
  }

  finish(): FlagDraft[] {
    return runSteps(this.finishInSteps());
  }

  /** The flags are given here, once every case's history is known: a step every DRAFTS_A_STEP of them. */
  *finishInSteps(): Steps<FlagDraft[]> {
    const histories = yield* this.histories();
    this.lastHistories = [...histories.values()].sort((a, b) => a.case_id.localeCompare(b.case_id) || a.label.localeCompare(b.label));
    yield;
    const drafts: FlagDraft[] = [];
    for (const m of this.asserted) {
      const rule = this.ruleByLabel.get(m.label)!;
      const history = histories.get(`${this.caseOf.get(m)}\u0000${m.label}`)!;
      drafts.push(draftFor(rule, m, history, this.samePerson));
      if (drafts.length % DRAFTS_A_STEP === 0) yield;
    }
    return drafts;
  }

  private lastHistories: LabelHistory[] = [];

  sections(): Record<string, unknown[]> {
    return { [LABEL_HISTORIES.key]: this.lastHistories, ...(this.collectMentions && { [MENTIONS.key]: this.inventory }) };
  }
}

/** Flags made between two steps of finishInSteps. */
const DRAFTS_A_STEP = 1024;

function draftFor(rule: LabelRule, m: KeptMention, history: LabelHistory, samePerson: (a: HistoryEntry, b: HistoryEntry) => boolean): FlagDraft {
  const related: string[] = [];
  const parts: Part[] = [
    written`“${quote(m.text, m.record_id)}” (${rule.label}) is stated as the writer's own judgement; no evidence or attribution was found in the record.`,
  ];
  const afterContrary = history.repeated_after_contrary_evidence.includes(m.record_id);
  if (afterContrary) {
    // The first evidence against it that is about the same person (the one that made it "after").
    const use = history.entries.find((e) => e.event === 'mention' && e.record_id === m.record_id && e.status === 'asserted');
    const contrary =
      history.entries.find((e) => e.event === 'contrary-evidence' && (!use || (e.record_id !== m.record_id && samePerson(e, use)))) ??
      history.entries.find((e) => e.event === 'contrary-evidence')!;
    parts.unshift(
      written`Repeated after contrary evidence: record ${contrary.record_id} (${formatUkDate(contrary.record_date)}) says “${quote(contrary.text, contrary.record_id)}”.`,
    );
    related.push(contrary.record_id);
  }
  if (history.first_record_id && history.first_record_id !== m.record_id) {
    parts.push(`The label was first used in record ${history.first_record_id} (${formatUkDate(history.first_record_date!)}).`);
    related.push(history.first_record_id);
  }
  parts.push(rule.message);
  return {
    rule,
    record: m.record!,
    span: { start: m.start, end: m.end },
    ...asMessage(joinQuoted(parts, ' ')),
    severity: afterContrary ? 'error' : undefined,
    related_record_ids: [...new Set(related)],
    label: rule.label,
    status: m.status,
    details: afterContrary ? { repeated_after_contrary_evidence: true } : undefined,
  };
}
