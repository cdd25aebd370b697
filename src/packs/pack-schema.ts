import { CATEGORY_PATTERN, RULE_ID_PATTERN } from './names.ts';
import { SEVERITIES } from '../model/flag.ts';
import { STANDARDS, compareStandards } from '../model/standards.ts';
import type { RuleKind } from '../checks/rule-kind.ts';

export const PACK_SCHEMA_VERSION = '1.0.0';

/** The fields every rule has, whatever its kind. */
export const COMMON_RULE_PROPERTIES: Record<string, object> = {
  id: { type: 'string', pattern: RULE_ID_PATTERN, description: 'Unique rule id, lower case, dots and hyphens (e.g. hygiene.decision-without-reasons).' },
  kind: { type: 'string', description: 'The rule kind, which decides the other fields.' },
  category: { type: 'string', pattern: CATEGORY_PATTERN, description: 'unevidenced-label, duplication, staleness, record-hygiene, or a category of your own.' },
  severity: { enum: [...SEVERITIES] },
  standards: {
    type: 'array',
    minItems: 1,
    uniqueItems: true,
    items: { enum: Object.keys(STANDARDS).sort(compareStandards) },
    description: 'Social Work England professional standards the finding relates to, e.g. ["3.11"].',
  },
  message: { type: 'string', minLength: 1, description: 'What the auditor is told, and what would put it right.' },
  description: { type: 'string', minLength: 1, description: 'What the rule looks for and why it matters.' },
  docs: { type: 'string', description: 'A link to further documentation.' },
};

export const COMMON_REQUIRED = ['id', 'kind', 'category', 'severity', 'standards', 'message'];

/** The schema of one rule of the given kind. */
export function ruleSchema(kind: RuleKind): object {
  return {
    type: 'object',
    additionalProperties: false,
    required: [...COMMON_REQUIRED, ...kind.required],
    anyOf: [{ required: ['description'] }, { required: ['docs'] }],
    properties: { ...COMMON_RULE_PROPERTIES, kind: { const: kind.kind }, ...kind.properties },
  };
}

/** The pack around its rules, with the sections the kinds read (e.g. `assertion`). */
export function envelopeSchema(kinds: RuleKind[]) {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['pack', 'version', 'description', 'rules'],
    properties: {
      pack: { type: 'string', pattern: RULE_ID_PATTERN, description: 'The pack name.' },
      version: { type: 'string', pattern: '^\\d+\\.\\d+\\.\\d+', description: 'The pack version (semver).' },
      description: { type: 'string' },
      sources: { type: 'array', items: { type: 'string' }, description: 'Guidance the pack draws on.' },
      rules: { type: 'array', items: { type: 'object' } },
      ...Object.fromEntries(kinds.flatMap((k) => k.sections ?? []).map((s) => [s.key, s.schema])),
    },
  };
}

/** One JSON Schema for a whole pack, every kind included: published for editors. */
export function publishedPackSchema(kinds: RuleKind[]): object {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `https://scrutineer.invalid/schema/pack-${PACK_SCHEMA_VERSION}.json`,
    title: 'scrutineer rule pack',
    ...envelopeSchema(kinds),
    properties: {
      ...envelopeSchema(kinds).properties,
      rules: { type: 'array', items: { oneOf: kinds.map(ruleSchema) } },
    },
  };
}
