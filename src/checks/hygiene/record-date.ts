import type { Check, CheckEnv, Rule, RuleKind, RuleProblem } from '../rule-kind.ts';
import type { CanonicalRecord } from '../../model/record.ts';
import type { FlagDraft, Severity } from '../../model/flag.ts';
import { asMessage, quote, written } from '../../model/quote.ts';
import { daysBetween, formatUkDate } from '../../intake/dates.ts';
import { compilePatternSpec, patternSpecProblems, patternSpecSchema, type PatternSpec } from '../../reading/pattern-set.ts';
import { workingDaysAfter } from './working-days.ts';

export const DATE_CHECKS = ['future-dated', 'before-birth', 'late-entry'] as const;
type DateCheck = (typeof DATE_CHECKS)[number];

/** A `record-date` rule: one test of a record's dates against the run, the child or each other. */
export interface RecordDateRule extends Rule {
  check: DateCheck;
  /** late-entry: how long after the event the record may be typed. */
  max_days?: number;
  /** late-entry: count working days (Monday to Friday, not `holidays`) or calendar days. */
  days?: 'working' | 'calendar';
  holidays?: string[];
  /** late-entry: words by which a record says it is a late entry. */
  acknowledged?: PatternSpec;
  /** late-entry: the severity of a late entry that says so (leave out to not flag it). */
  acknowledged_severity?: Severity;
  /** before-birth: words that show a record is rightly about an unborn child. */
  unless?: PatternSpec;
}

const isoDate = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };

export const recordDateKind: RuleKind = {
  kind: 'record-date',
  summary: 'Checks a record’s dates: dated after the run’s --as-of date, before the child’s birth, or typed long after the event.',
  properties: {
    check: {
      enum: [...DATE_CHECKS],
      description:
        'future-dated: record_date after --as-of; before-birth: record_date before subject_dob; late-entry: recorded_at more than max_days after record_date.',
    },
    max_days: { type: 'integer', minimum: 0, maximum: 366, description: 'late-entry: days allowed between the event and the typing of the record.' },
    days: { enum: ['working', 'calendar'], description: 'late-entry: count working days (Monday–Friday, not holidays; the default) or calendar days.' },
    holidays: { type: 'array', items: isoDate, uniqueItems: true, description: 'late-entry: public holidays (YYYY-MM-DD) that are not working days.' },
    acknowledged: patternSpecSchema('late-entry: words by which a record says it is a late entry.'),
    acknowledged_severity: { enum: ['error', 'warning', 'info'], description: 'late-entry: severity for a late entry that says so; leave out to not flag it.' },
    unless: patternSpecSchema('before-birth: words that show the record is rightly about an unborn child (pre-birth assessment).'),
  },
  required: ['check'],
  validate(rule) {
    const r = rule as RecordDateRule;
    const problems: RuleProblem[] = [];
    if (r.check === 'late-entry' && r.max_days === undefined) problems.push({ key: 'max_days', message: 'a late-entry rule needs max_days' });
    const only = (key: keyof RecordDateRule, check: DateCheck) => {
      if (r[key] !== undefined && r.check !== check) problems.push({ key: String(key), message: `${String(key)} is read only by check: ${check}` });
    };
    for (const key of ['max_days', 'days', 'holidays', 'acknowledged', 'acknowledged_severity'] as const) only(key, 'late-entry');
    only('unless', 'before-birth');
    problems.push(...patternSpecProblems(r.acknowledged, 'acknowledged'), ...patternSpecProblems(r.unless, 'unless'));
    return problems;
  },
  createCheck(rules, env) {
    return new RecordDateCheck(rules as RecordDateRule[], env);
  },
};

interface CompiledDateRule {
  rule: RecordDateRule;
  /** late-entry: the acknowledgement words; before-birth: the unborn-baby words. */
  words: RegExp | null;
  holidays: Set<string>;
}

class RecordDateCheck implements Check {
  private readonly compiled: CompiledDateRule[];

  constructor(
    rules: RecordDateRule[],
    private readonly env: CheckEnv,
  ) {
    this.compiled = rules.map((rule) => ({
      rule,
      words: compilePatternSpec(rule.check === 'late-entry' ? rule.acknowledged : rule.unless),
      holidays: new Set(rule.holidays ?? []),
    }));
  }

  record(record: CanonicalRecord): FlagDraft[] {
    const drafts: FlagDraft[] = [];
    for (const c of this.compiled) {
      const draft = this.test(c, record);
      if (draft) drafts.push(draft);
    }
    return drafts;
  }

  private test({ rule, words, holidays }: CompiledDateRule, record: CanonicalRecord): FlagDraft | null {
    const date = formatUkDate(record.record_date);
    if (rule.check === 'future-dated') {
      if (record.record_date <= this.env.asOf) return null;
      return { rule, record, message: `Dated ${date}, after the audit's reference date ${formatUkDate(this.env.asOf)}. ${rule.message}` };
    }
    if (rule.check === 'before-birth') {
      if (!record.subject_dob || record.record_date >= record.subject_dob) return null;
      if (words && find(words, record.text)) return null;
      return { rule, record, message: `Dated ${date}, before the child's date of birth (subject_dob). ${rule.message}` };
    }
    if (!record.recorded_at) return null;
    const calendar = daysBetween(record.record_date, record.recorded_at);
    const working = workingDaysAfter(record.record_date, record.recorded_at, holidays);
    const late = rule.days === 'calendar' ? calendar : working;
    if (late <= rule.max_days!) return null;
    const unit = rule.days === 'calendar' ? `${calendar} days` : `${late} working days (${calendar} days)`;
    const timing = `Typed on ${formatUkDate(record.recorded_at)}, ${unit} after the event on ${date}; the limit is ${rule.max_days} ${rule.days === 'calendar' ? 'days' : 'working days'}.`;
    const said = words ? find(words, record.text) : null;
    if (said) {
      if (!rule.acknowledged_severity) return null;
      return {
        rule,
        record,
        span: said,
        severity: rule.acknowledged_severity,
        ...asMessage(
          written`${timing} The record says it is a late entry (“${quote(record.text.slice(said.start, said.end), record.record_id)}”), as it should.`,
        ),
        details: { working_days: working, calendar_days: calendar, acknowledged: true },
      };
    }
    return {
      rule,
      record,
      message: `${timing} The record does not say it is a late entry. ${rule.message}`,
      details: { working_days: working, calendar_days: calendar, acknowledged: false },
    };
  }

  finish(): FlagDraft[] {
    return [];
  }
}

function find(re: RegExp, text: string): { start: number; end: number } | null {
  re.lastIndex = 0;
  const m = re.exec(text);
  re.lastIndex = 0;
  return m ? { start: m.index, end: m.index + m[0].length } : null;
}
