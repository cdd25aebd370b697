import type { Check, Rule, RuleKind, RuleProblem } from '../rule-kind.ts';
import type { FlagDraft } from '../../model/flag.ts';
import { termPattern, wholeWord, allMatches } from '../../text/terms.ts';
import { unsafePatternReason } from '../../text/safe-regex.ts';
import { textGates } from '../../text/text-gates.ts';

/** A `phrase` rule: words or patterns that should not stand in a record's text. */
interface PhraseRule extends Rule {
  terms?: string[];
  patterns?: string[];
}

export const phraseKind: RuleKind = {
  kind: 'phrase',
  summary: 'Finds terms or patterns in the record text (whole words, any case).',
  properties: {
    terms: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      minItems: 1,
      description: 'Words or phrases, matched as whole words in any case; spaces match any white space.',
    },
    patterns: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      minItems: 1,
      description: 'Regular expressions (JavaScript syntax, matched in any case as whole words); nested repetition is refused.',
    },
  },
  required: [],
  validate(rule) {
    const r = rule as PhraseRule;
    const problems: RuleProblem[] = [];
    if (!r.terms && !r.patterns) problems.push({ key: 'terms', message: 'a phrase rule needs terms or patterns' });
    (r.patterns ?? []).forEach((p, i) => {
      const problem = patternProblem(p);
      if (problem) problems.push({ key: `patterns/${i}`, message: problem });
    });
    return problems;
  },
  createCheck(rules, env) {
    const gates = textGates(env);
    const compiled = rules.map((rule) => {
      const regex = compile(rule as PhraseRule);
      return { rule, regex, gate: gates.forRegex(regex) };
    });
    return {
      record(record) {
        const drafts: FlagDraft[] = [];
        for (const { rule, regex, gate } of compiled) {
          if (!gate.admits(record.text)) continue;
          for (const m of allMatches(regex, record.text)) {
            drafts.push({ rule, record, span: { start: m.index!, end: m.index! + m[0].length } });
          }
        }
        return drafts;
      },
      finish: () => [],
    } satisfies Check;
  },
};

function patternProblem(pattern: string): string | null {
  try {
    new RegExp(pattern, 'iu');
  } catch (err) {
    return `not a valid regular expression: ${(err as Error).message}`;
  }
  const unsafe = unsafePatternReason(pattern);
  return unsafe ? `pattern refused: ${unsafe}` : null;
}

function compile(rule: PhraseRule): RegExp {
  const parts = [...(rule.terms ?? []).map(termPattern), ...(rule.patterns ?? []).map((p) => `(?:${p})`)];
  return wholeWord(parts.join('|'));
}
