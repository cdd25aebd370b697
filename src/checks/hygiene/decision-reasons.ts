import type { Check, CheckEnv, Rule, RuleKind, RuleProblem } from '../rule-kind.ts';
import type { CanonicalRecord } from '../../model/record.ts';
import type { FlagDraft } from '../../model/flag.ts';
import type { CompiledCues, Status } from '../../reading/assertion.ts';
import { compilePatternSpec, patternSpecProblems, patternSpecSchema, type PatternSpec } from '../../reading/pattern-set.ts';
import { TextReader, sharedCues } from '../../reading/statements.ts';
import { excerpt } from '../../reading/sentences.ts';
import { textGates, type Gate } from '../../text/text-gates.ts';

/** A `decision-reasons` rule: a record of a decision must say why it was made. */
export interface DecisionReasonsRule extends Rule {
  decision_types?: string[];
  decision?: PatternSpec;
  reasons: PatternSpec;
}

/**
 * The assertion cues are written for labels, where "… has resolved" or "NFA" after a mention
 * negates it; here they would unmake "Decision: NFA" and "Reasons: … have resolved". So a
 * decision counts unless it is only supposed ("if it is agreed to close…") or denied just before
 * ("no decision was made to close"), and reasons count unless denied just before ("no reasons").
 */
const SUPPOSED: Status[] = ['hypothetical'];
const DENIED_BEFORE = /(?<![\p{L}\p{N}_])(?:no|not|without|nor|never)(?:\s+(?:any|a|an|the|clear|recorded|written))?\s*$/iu;

function denied(text: string, start: number): boolean {
  return DENIED_BEFORE.test(text.slice(Math.max(0, start - 30), start));
}

export const decisionReasonsKind: RuleKind = {
  kind: 'decision-reasons',
  summary: 'Finds records of a decision (by record type or wording) that give no reasons for it.',
  properties: {
    decision_types: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1, description: 'record_type values that are records of a decision (any case, spacing and punctuation).' },
    decision: patternSpecSchema('Wording that states a decision in a record of any type ("Decision:", "agreed to close").'),
    reasons: patternSpecSchema('Wording that gives reasons ("because", "due to", "Reasons:").'),
  },
  required: ['reasons'],
  validate(rule) {
    const r = rule as DecisionReasonsRule;
    const problems: RuleProblem[] = [...patternSpecProblems(r.decision, 'decision'), ...patternSpecProblems(r.reasons, 'reasons')];
    if (!r.decision_types && !r.decision) problems.push({ key: 'decision', message: 'a decision-reasons rule needs decision_types or decision' });
    return problems;
  },
  createCheck(rules, env) {
    return new DecisionReasonsCheck(rules as DecisionReasonsRule[], env);
  },
};

interface Compiled {
  rule: DecisionReasonsRule;
  types: Set<string>;
  decision: RegExp | null;
  /** Admits a record that could state a decision in words. */
  decisionGate: Gate;
  reasons: RegExp | null;
}

class DecisionReasonsCheck implements Check {
  private readonly compiled: Compiled[];
  private readonly cues: CompiledCues;

  constructor(rules: DecisionReasonsRule[], env: CheckEnv) {
    this.cues = sharedCues(env.sections);
    const gates = textGates(env);
    this.compiled = rules.map((rule) => {
      const decision = compilePatternSpec(rule.decision);
      return { rule, types: new Set((rule.decision_types ?? []).map(typeKey)), decision, decisionGate: gates.forRegex(decision), reasons: compilePatternSpec(rule.reasons) };
    });
  }

  record(record: CanonicalRecord): FlagDraft[] {
    const drafts: FlagDraft[] = [];
    let reader: TextReader | null = null;
    for (const { rule, types, decision, decisionGate, reasons } of this.compiled) {
      const byType = record.record_type !== null && types.has(typeKey(record.record_type));
      const could = decisionGate.admits(record.text);
      if (!byType && !could) continue;
      reader ??= new TextReader(record.text, this.cues);
      const stated = (could ? reader.statements(decision) : []).filter((s) => !SUPPOSED.includes(s.status) && !denied(record.text, s.start));
      if (!byType && !stated.length) continue;
      if (reader.statements(reasons).some((s) => !SUPPOSED.includes(s.status) && !denied(record.text, s.start))) continue;
      const first = stated[0];
      const what = first ? `The record states a decision (“${excerpt(first.sentence.text, 100)}”)` : `This ${record.record_type} record states a decision`;
      drafts.push({
        rule,
        record,
        span: first ? { start: first.sentence.start, end: first.sentence.end } : undefined,
        message: `${what} but gives no reasons for it. ${rule.message}`,
      });
    }
    return drafts;
  }

  finish(): FlagDraft[] {
    return [];
  }
}


/** record_type compared in any case, ignoring spaces and punctuation ("Manager's Decision" = "managers decision"). */
function typeKey(type: string): string {
  return type.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}
