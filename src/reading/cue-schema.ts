const list = { type: 'array', items: { type: 'string', minLength: 1 } };
const directed = { type: 'object', additionalProperties: false, properties: { before: list, after: list } };

/** The `assertion:` section of a pack: the label kind's assertion cues (see cues.ts). */
export const ASSERTION_SECTION_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  description: 'Assertion cues for label rules; lists from every pack are joined.',
  properties: {
    window_before: { type: 'integer', minimum: 1, maximum: 50, description: 'How many words a trigger before a mention reaches.' },
    window_after: { type: 'integer', minimum: 1, maximum: 50, description: 'How many words a trigger after a mention reaches.' },
    terminators: { ...list, description: 'Words that end a trigger’s reach.' },
    clause_reach: { ...list, description: 'Single-word triggers that reach their whole clause ("whether", "unless").' },
    pseudo: { ...list, description: 'Phrases that look like triggers but are not.' },
    negated: directed,
    hypothetical: directed,
    attributed: directed,
    adopted: { ...list, description: 'The writer adopts another person’s claim.' },
    evidence: { ...list, description: 'A cited source: a report, a test, a dated incident, observed behaviour.' },
    evidence_nearby: { ...list, description: 'A dated account of events: evidence only from the sentences around a mention.' },
    contrary: { ...list, description: 'Words that make a source point against a label (negative, ruled out).' },
  },
};
