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
    observations: {
      ...list,
      description: 'The writer’s own observation ("I saw", "we found"): when dated, evidence for the statement after it across a semicolon.',
    },
    dates: {
      ...list,
      description:
        'Dates in any form: evidence in a mention’s own statement when a link ties them to it, never from the sentences around it (where a date is often a heading).',
    },
    contrary: { ...list, description: 'Words that make a source point against a label (negative, ruled out).' },
    unremarkable: {
      ...list,
      description:
        'Words that say what was seen was unremarkable ("no issues", "went well"): such an account is no evidence for a label in the sentences after it.',
    },
    boundaries: { ...list, description: 'Words where one statement ends and another starts ("but", "however"); semicolons always do.' },
    clause_breaks: { ...list, description: 'Where clauses meet inside a statement (", and the father"): evidence and trailing cues do not cross them.' },
    evidence_links: {
      ...list,
      description: 'Words that tie a dated account to a judgement in the same statement ("because", "when", "based on"); a colon after the label does too.',
    },
    reporting: { ...list, description: 'Verbs of saying, believing and describing: what follows them in their statement is their subject’s account.' },
    writer: { ...list, description: 'The writer as a subject ("I", "we"): their reporting verbs are the writer’s own judgement.' },
    courts: {
      ...list,
      description: 'Courts and judges ("HHJ", "the court"): a reporting verb with one as its subject is a finding (evidence), not an account.',
    },
    speakers: {
      ...list,
      description: 'Speakers’ labels that start a line of minutes, before a colon ("Chair", "DSL", "health visitor"): what follows is their account.',
    },
    voice_resets: { ...list, description: 'Where the writer takes the voice back inside a report (", which shows").' },
    generic: {
      type: 'object',
      additionalProperties: false,
      description: 'Sentences about training, policy, research, or people in general.',
      properties: {
        policy_subjects: { ...list, description: 'Training, policy or research as a sentence’s subject ("the course covers").' },
        subjects: { ...list, description: 'Generic subjects at the start of a sentence ("Parents who…", "A parent who…").' },
        markers: { ...list, description: 'Words that make a generic subject general ("often", "can be", "are more likely").' },
        words: {
          ...list,
          description: 'Nouns that name a label as a word ("the word", "the term", "the phrase"): a label straight after one is talked about, not used.',
        },
        naming: {
          ...list,
          description:
            'Guidance on what to call people ("stop calling families", "should never be recorded as", "rather than"): a label straight after one, quoted or not, is talked about as a word, not used.',
        },
      },
    },
    sense: {
      type: 'object',
      additionalProperties: false,
      description: 'Nouns a label may attach to and still be about a person; any other common noun makes it another sense ("aggressive treatment").',
      properties: {
        people: { ...list, description: 'Nouns for people ("mother", "partner", "family").' },
        personal: { ...list, description: 'What is a person’s own: behaviour, relationships, home, parenting ("outbursts", "household").' },
      },
    },
    refuted: {
      type: 'object',
      additionalProperties: false,
      description: 'A pointer back at an earlier use of a label, and evidence against it.',
      properties: {
        earlier: { ...list, description: 'A pointer back ("the earlier description", "the statement that").' },
        against: { ...list, description: 'What the evidence now says ("is not supported", "has been withdrawn").' },
      },
    },
  },
};
