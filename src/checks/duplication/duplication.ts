import type { RuleKind, RuleProblem } from '../rule-kind.ts';
import { SEVERITIES } from '../../model/flag.ts';
import { DuplicationCheck } from './check.ts';
import { K, W } from './fingerprints.ts';
import { FINDING_KINDS } from './message.ts';
import { DEFAULTS, type DuplicationRule } from './rule.ts';
import { duplicationDigest } from './digest.ts';
import { tokenize } from './tokens.ts';

const kindSetting = {
  type: 'object',
  additionalProperties: false,
  required: ['severity', 'message'],
  properties: {
    severity: { enum: [...SEVERITIES] },
    message: { type: 'string', minLength: 1, description: 'What the auditor is told to do; the check puts the facts of the finding before it.' },
  },
};

export const duplicationKind: RuleKind = {
  kind: 'duplication',
  scope: 'export',
  summary:
    'Finds passages copied, verbatim or lightly edited, from an earlier record of the same case or of another case, and copies that still describe the other child.',
  properties: {
    min_words: {
      type: 'integer',
      minimum: W + K - 1,
      maximum: 2000,
      description: `Shortest passage flagged, in words that are not boilerplate (default ${DEFAULTS.min_words}).`,
    },
    min_similarity: {
      type: 'number',
      minimum: 0.5,
      maximum: 1,
      description: `Smallest share of the passage's words, names and numbers masked, that must match its source (default ${DEFAULTS.min_similarity}).`,
    },
    template_cases: {
      type: 'integer',
      minimum: 1,
      description: `Text found in more than this many cases is treated as a template or standard wording (default ${DEFAULTS.template_cases}).`,
    },
    same_day_in_case: {
      type: 'boolean',
      description: 'Also flag a passage repeated in the same case on the same date (one note filed on each child of a family); off by default.',
    },
    allowed_passages: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      description: 'Standard wording that may be repeated anywhere (matched like copies: any case, punctuation, names and numbers).',
    },
    kinds: {
      type: 'object',
      additionalProperties: false,
      required: [...FINDING_KINDS],
      properties: Object.fromEntries(FINDING_KINDS.map((k) => [k, kindSetting])),
      description:
        'Severity and message of each kind of finding: copy_forward (same case), cross_case (another case), identity_mismatch (the copy describes the other child).',
    },
  },
  required: ['kinds'],
  validate(rule) {
    const problems: RuleProblem[] = [];
    ((rule as DuplicationRule).allowed_passages ?? []).forEach((p, i) => {
      if (tokenize(p).ids.length < K)
        problems.push({ key: `allowed_passages/${i}`, message: `too short to match: an allowed passage needs at least ${K} words` });
    });
    return problems;
  },
  digest(rules) {
    return duplicationDigest(rules as DuplicationRule[]);
  },
  createCheck(rules, env) {
    return new DuplicationCheck(rules as DuplicationRule[], env.records, env);
  },
};
