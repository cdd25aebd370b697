/**
 * Defects the generator plants, with the rule expected to find each. Label sentences are
 * written so that the assertion engine's cues (rules/assertion-cues.yaml) give them the status
 * they are planted with: an asserted one has no negation, hypothesis, attribution or source
 * anywhere in its own paragraph; an evidenced one is preceded, in the same paragraph, by a
 * sentence citing a dated document. Each planted label sentence is a paragraph of its own.
 */

export const LABEL_STATUSES = ['asserted', 'negated', 'hypothetical', 'attributed', 'evidenced'] as const;
export type LabelStatus = (typeof LABEL_STATUSES)[number];

export interface LabelPlant {
  label: string;
  rule: string;
  templates: Record<LabelStatus, readonly string[]>;
}

export const LABEL_PLANTS: readonly LabelPlant[] = [
  {
    label: 'aggressive',
    rule: 'label.aggressive',
    templates: {
      asserted: [
        '[Mother] is aggressive.',
        '[Father] is aggressive towards professionals and visits are to be made in pairs.',
        '[Father] was aggressive throughout the meeting.',
      ],
      negated: ['[Father] was not aggressive at any point during the visit.', 'There is no evidence that [father] has been aggressive towards the children.'],
      hypothetical: [
        'If [father] becomes aggressive, the visit is to be ended and the police called.',
        'Should [mother] become aggressive at handover, the contact supervisor will end the session.',
      ],
      attributed: ['[Father] alleges that [mother] is aggressive towards the children.', 'The neighbour said that [father] is aggressive.'],
      evidenced: [
        'The police report dated [date] records [father] throwing a chair across the kitchen while [child] was in the room. That was aggressive behaviour.',
      ],
    },
  },
  {
    label: 'alcoholic',
    rule: 'label.alcoholic',
    templates: {
      asserted: ['[Mother] is an alcoholic.', '[Father] is a heavy drinker.', "[Mother]'s alcohol misuse is the main worry for the children."],
      negated: ['There is no evidence that [mother] is an alcoholic.', 'There is no evidence of alcohol misuse by [father].'],
      hypothetical: [
        "If [mother]'s alcohol misuse returns, a referral will be made to the adult service.",
        'The core group is to consider whether [father] is a problem drinker.',
      ],
      attributed: ['The neighbour said that [mother] is an alcoholic.', '[Mother] alleges that [father] is a heavy drinker.'],
      evidenced: [
        "The PEth test result of [date] was 410 ng/ml, well above the cut-off for chronic excessive use. [Mother]'s alcohol misuse is the main worry for the children.",
      ],
    },
  },
  {
    label: 'FII',
    rule: 'label.fii',
    templates: {
      asserted: ['[Mother] is fabricating illness in [child].', 'This is a case of fabricated or induced illness.'],
      negated: ['There is no evidence of FII.', 'There is no evidence of fabricated or induced illness.'],
      hypothetical: [
        'Should any FII concerns emerge, the responsible paediatrician will be contacted.',
        'If there are signs of induced illness during the admission, ward staff are to contact the responsible paediatrician.',
      ],
      attributed: ['[Father] alleges that [mother] is fabricating illness in [child].', 'The maternal grandmother said that [mother] is fabricating symptoms.'],
      evidenced: [
        'Dr Osei, the responsible paediatrician, completed the RCPCH process, and her report dated [date] concludes that the seizures did not occur during five days of monitoring. I accept her conclusion of fabricated or induced illness.',
      ],
    },
  },
  {
    label: 'unable to cope',
    rule: 'label.unable-to-cope',
    templates: {
      asserted: ["[Mother] is unable to cope with the children's needs.", '[Mother] is not coping with the demands of the children.'],
      negated: ['There is no evidence that [mother] is unable to cope with the children.', 'There is nothing to suggest that [mother] is struggling to cope.'],
      hypothetical: ['If [mother] is unable to cope over the holidays, respite care will be considered.'],
      attributed: ['[Mother] said that she felt unable to cope and asked for help.', 'The health visitor said that [mother] is struggling to cope.'],
      evidenced: [
        "The health visitor's report dated [date] sets out the missed feeds and the weight loss over three weeks. [Mother] was unable to cope with the feeding routine.",
      ],
    },
  },
  {
    label: 'controlling',
    rule: 'label.controlling',
    templates: {
      asserted: ['[Father] is controlling towards [mother].', "[Father]'s behaviour in the relationship is controlling."],
      negated: ['There is no evidence of controlling behaviour by [father].'],
      hypothetical: ['The assessment is to explore whether [father] is controlling in the relationship.'],
      attributed: ['[Mother] alleges that [father] is controlling and checks her phone.', 'According to the maternal grandmother, [father] is controlling.'],
      evidenced: [
        "PC Marsh's statement dated [date] sets out that [father] took [mother]'s bank card and phone and locked her out of the house. That was controlling behaviour.",
      ],
    },
  },
  {
    label: 'drug misuse',
    rule: 'label.drug-misuse',
    templates: {
      asserted: ['[Father] is a drug addict.', '[Mother] is a cannabis user.'],
      negated: ['There is no evidence that [father] is a drug user.', 'There is no evidence of drug misuse in the household.'],
      hypothetical: ['If [father] is a drug user, contact will need to be supervised.'],
      attributed: ['[Mother] alleges that [father] is a drug addict.', 'The referrer said that [mother] is a cannabis user.'],
      evidenced: [
        "The hair strand test report dated [date] was positive for cocaine at a level consistent with regular use. [Father]'s drug misuse is the main worry for the children.",
      ],
    },
  },
  {
    label: 'hostile',
    rule: 'label.hostile',
    templates: {
      asserted: ['[Mother] was hostile throughout the meeting.', '[Father] is hostile to professionals.'],
      negated: ['[Mother] has never been hostile towards professionals.'],
      hypothetical: ['If [father] is hostile at the door, the worker is to leave and inform the duty manager.'],
      attributed: ['The school said that [mother] is hostile at the gate.'],
      evidenced: [
        "The school's incident log of [date] records [father] shouting at the receptionist and swearing at the head teacher. That was hostile behaviour.",
      ],
    },
  },
  {
    label: 'lacks insight',
    rule: 'label.lacks-insight',
    templates: {
      asserted: ['[Mother] lacks insight into the impact of her behaviour on the children.', '[Father] has limited insight into the concerns.'],
      negated: ['It is not accepted that [mother] lacks insight; she has described the impact on the children in her own words.'],
      hypothetical: ['The parenting assessment is to consider whether [mother] lacks insight into the concerns.'],
      attributed: ['The previous social worker wrote that [mother] lacks insight.'],
      evidenced: [
        'The parenting assessment dated [date] found that [mother] could not name any effect of the arguments on the children. On that basis [mother] lacks insight into the concerns.',
      ],
    },
  },
];

export interface StalePlant {
  rule: string;
  /** The event, written as a paragraph of the earlier record. */
  event: readonly string[];
  /** The out-of-date claim, written as a paragraph of a later record. */
  claims: readonly string[];
}

export const STALE_PLANTS: readonly StalePlant[] = [
  {
    rule: 'staleness.parenting-course-completed',
    event: [
      '[Mother] has completed the Triple P programme with distinction and showed me her certificate.',
      '[Mother] has completed the Incredible Years course, attending all fourteen sessions.',
      '[Mother] has now completed the parenting course at the family centre.',
    ],
    claims: [
      '[Mother] has not engaged with a parenting course.',
      '[Mother] has not completed a parenting programme.',
      '[Mother] has not attended a parenting course.',
    ],
  },
  // A test answers a claim about the substance it tested for: a hair test negative for cocaine
  // and cannabis says nothing of drinking.
  {
    rule: 'staleness.negative-substance-test',
    event: ["[Mother]'s hair strand test came back negative for cocaine and cannabis."],
    claims: ['[Mother] continues to use cannabis.', '[Mother] is still smoking cannabis every day.'],
  },
  {
    rule: 'staleness.negative-substance-test',
    event: ['The hair strand test results for [mother] were negative for alcohol over the six months tested.'],
    claims: ['[Mother] is still drinking heavily.', '[Mother] continues to drink during the day.'],
  },
  {
    rule: 'staleness.parents-separated',
    event: ['[Mother] and [father] have separated and [father] is staying with his parents.', '[Mother] and [father] have now separated.'],
    claims: ['[Mother] lives with her partner, [father], and the children.', '[Mother] and [father] live together with the children.'],
  },
];

/** Decisions with no reasons, as a Management Decision record's whole text. */
export const BARE_DECISIONS = [
  'Decision: close.',
  'Decision: NFA.',
  'Decision: step down to early help.',
  'Management oversight.\r\n\r\nDecision: close.',
  'Management decision: case to close.',
  'Agreed to close.',
] as const;

/** Placeholders left from templates. */
export const PLACEHOLDERS = [
  'Next core group: TBC.',
  'The review conference is on [insert date].',
  'School contact: XXXX to confirm attendance figures.',
  'Outcome of the referral to be completed.',
] as const;

export const DEFECT_KINDS = [
  'label',
  'copy-forward',
  'cross-case-paste',
  'stale-claim',
  'missing-author',
  'late-entry',
  'decision-without-reasons',
  'placeholder-text',
] as const;
export type DefectKind = (typeof DEFECT_KINDS)[number];

/** One line of FILE.truth.ndjson. */
export interface TruthEntry {
  record_id: string;
  case_id: string;
  kind: DefectKind;
  /** The rule expected to flag this record, or null where no flag is expected (a label that is negated, hypothetical, attributed or evidenced). */
  expected_rule: string | null;
  /** Other rules the defect should also set off (a paste from another family's record names that family's child). */
  also_expected?: string[];
  details: Record<string, unknown>;
}

/** Per-record probabilities of each planted defect (most records are ordinary). */
export const RATES = {
  label: 0.03,
  labelStatus: { asserted: 0.35, negated: 0.2, hypothetical: 0.15, attributed: 0.18, evidenced: 0.12 } as Record<LabelStatus, number>,
  copyForward: 0.02,
  crossCase: 0.006,
  staleEvent: 0.008,
  missingAuthor: 0.01,
  lateEntry: 0.015,
  lateAcknowledged: 0.2,
  bareDecision: 0.008,
  placeholder: 0.005,
} as const;
