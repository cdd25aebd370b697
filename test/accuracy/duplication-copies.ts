/**
 * A generator of edited copies for the duplication check, from passages written for it (all
 * fictional): four kinds of record (a case note of a contact, an assessment's analysis, a
 * court statement, a home visit), each a sequence of slots with four independently worded
 * sentences per slot. A source passage takes one sentence per slot; an independent text on the
 * same topic takes a different sentence in every slot (same record type, same facts in other
 * words, other names and dates), which is the hardest kind of false alarm to avoid. A copy is
 * the source with names and dates changed, a share of its words substituted, and optionally its
 * sentences reordered, merged or split, as a worker edits last month's paragraph.
 *
 * Used by test/duplication-accuracy.test.ts (which asserts the targets) and by
 * `npm run accuracy` (which prints the tables).
 */
import { join } from 'node:path';
import { random } from '../support/random.ts';
import { loadPacks } from '../../src/packs/load-packs.ts';
import { duplicationKind } from '../../src/checks/duplication/duplication.ts';
import type { Rule } from '../../src/checks/rule-kind.ts';
import type { CanonicalRecord } from '../../src/model/record.ts';
import type { FlagDraft } from '../../src/model/flag.ts';

/** Placeholders: {C} the child, {P} a parent, {D} a date, {S} a school, {W} a worker, {A} an age. */
const TOPICS: Record<string, string[][]> = {
  'case note': [
    [
      'I telephoned {P} on {D} to follow up the concerns raised by {S} about {C} arriving without a coat and appearing hungry.',
      'A call was made to {P} this morning after the school nurse at {S} reported that {C} had been asking other children for food.',
      'Following the referral from {S} on {D}, I spoke with {P} by phone about the school noticing that {C} was often tired and unkempt.',
      'Contact was made with {P} by phone regarding information from the designated safeguarding lead that {C} had missed breakfast club all week.',
    ],
    [
      '{P} said that money had been very tight since her benefits were sanctioned and that the gas meter had run out twice this month.',
      'She explained that her universal credit payment had been delayed and she had been relying on the food bank and her sister for help.',
      '{P} told me the washing machine had broken in the spring and she could not afford to replace it, so clothes were washed by hand.',
      'According to {P}, the family had moved twice in the last year and the new flat had no cooker until last week.',
    ],
    [
      'She was open about the difficulties and did not minimise them, and she asked whether any help was available with the school uniform.',
      'She became upset during the call but agreed that the school had been right to raise it and said she wanted support rather than judgement.',
      'She accepted that {C} had gone without at times and said she would rather ask for help now than let things get worse.',
      'Although she was initially defensive, she agreed to talk about what would make mornings easier for the children before school.',
    ],
    [
      'I agreed to make a referral to the local welfare assistance scheme and to send her the details of the holiday activities and food programme.',
      'We agreed that I will apply to the household support fund on her behalf and that early help will visit within ten working days.',
      'I will ask the family support worker to help her complete the council tax reduction form and look at a budgeting plan together.',
      'The plan is for the early help practitioner to arrange a joint meeting with {S} to look at breakfast club and uniform grants.',
    ],
    [
      'I will speak to the school again on Friday to check whether {C} has been in with a coat and lunch, and record the outcome.',
      'A follow up call is booked for next week, and I asked {P} to ring the duty line if the gas runs out again before then.',
      'I will update the team manager and review the case at the next allocation meeting, when the welfare assistance decision should be known.',
      'The school have been asked to let me know straight away if {C} arrives hungry again, so that the plan can be reviewed.',
    ],
  ],
  assessment: [
    [
      '{C} is a {A} year old child who lives with {P} and two younger siblings in a two bedroom flat on the edge of the town.',
      'The household consists of {P}, her partner and {C}, who is {A}, living in privately rented accommodation near the town centre.',
      '{C}, aged {A}, has lived with {P} since her parents separated, and spends alternate weekends with her father and his family.',
      'This assessment concerns {C}, who is {A}, and her mother {P}, who moved to the area from the north of the county last year.',
    ],
    [
      'The strengths in this family include a warm relationship between {C} and her mother, good school attendance and a supportive grandmother nearby.',
      'There are clear strengths: {P} is attentive to the children when she is well, the home is clean, and {C} is doing well at {S}.',
      'Protective factors include the involvement of the maternal grandparents, who see the children most days, and regular contact with the health visitor.',
      '{C} has a close bond with her older cousin and enjoys football club, and her teachers describe her as bright and sociable.',
    ],
    [
      'The main concern is the impact on {C} of the arguments between the adults, which she has described to her teacher as frightening.',
      'The worry is that {P} drinks heavily at weekends and that on those days nobody in the home is able to care safely for the children.',
      'Professionals are concerned about the number of missed health appointments, including two dental referrals and a hearing test at the hospital.',
      'The concern raised by the police is a pattern of incidents at the address over the summer, three of which were attended at night.',
    ],
    [
      'When I spoke with {C} alone she said that she likes living with her mum but does not like it when people shout in the house.',
      '{C} told me in her own words that home is sometimes fun and sometimes scary, and that she goes to her room when it is scary.',
      'In a direct work session at school {C} drew her family and placed herself next to her grandmother, saying that nan keeps her safe.',
      'During our session {C} said she worries about her mum when she is at school and would like to be able to phone her at lunchtime.',
    ],
    [
      'My analysis is that {C} is a child in need and that a plan of support under section 17 should be offered to the family.',
      'On balance the risks are not yet at the level that would require a child protection conference, but they need to be monitored closely.',
      'Taking the strengths and worries together, I recommend that the family are offered targeted early help with a review in three months.',
      'I consider that the threshold for a strategy discussion is not met, and that the concerns can be addressed through a child in need plan.',
    ],
  ],
  'court statement': [
    [
      'I am the allocated social worker for {C} and have held the case since {D}, when it was transferred from the assessment team.',
      'I have been allocated to this family since the initial child protection conference on {D} and have visited the home regularly since then.',
      'The local authority first became involved with this family in the spring, and I was allocated as social worker for {C} on {D}.',
      'I took over the case on {D} from a colleague who left the authority, and I have met {C} on eleven occasions since then.',
    ],
    [
      'Between the summer and the autumn there were four referrals from the police about domestic incidents at the home, two of them involving injuries.',
      'The chronology shows repeated concerns about neglect, including poor home conditions, missed medical appointments and {C} often arriving late to school.',
      'During the child protection plan, core group meetings were poorly attended by the parents, and several unannounced visits found the children unsupervised.',
      "The family has had a long history with children's services, including a previous child protection plan under the category of emotional abuse.",
    ],
    [
      '{P} has engaged with some services, attending the parenting programme on six of ten sessions, but has not accepted the referral to drug services.',
      'The parents have told me they want to make changes, but the agreed safety plan has been broken on at least three occasions since the summer.',
      'Although {P} completed a course of counselling, the professionals working with the family have not seen a sustained change in the care of the children.',
      'The mother has begun to work with the domestic abuse service and reports that she has ended the relationship, which is a positive step.',
    ],
    [
      'In my view {C} has suffered emotional harm from living with repeated violence between the adults, and remains at risk of further harm.',
      'It is my assessment that the care {C} receives falls below what it would be reasonable to expect, and the risk has not reduced.',
      'I am concerned that without a legal order the parents will not sustain the changes needed to keep {C} safe in the longer term.',
      'Having weighed the evidence, I believe {C} is likely to suffer significant harm if the current arrangements continue without further protection.',
    ],
    [
      'The local authority therefore seeks an interim care order, with a plan for {C} to remain with her maternal aunt under a connected persons placement.',
      'The plan is for {C} to stay at home under a supervision order, with a clear written agreement and regular unannounced visits.',
      'The local authority invites the court to approve a plan of placement with foster carers while the parenting assessment is completed.',
      'I ask the court to make the orders sought so that {C} can remain in her current placement while the family assessments are carried out.',
    ],
  ],
  'visit record': [
    [
      'Unannounced home visit on {D}. {P} answered the door and let me in straight away, and {C} was in the living room watching television.',
      'I visited the family home on {D} as planned; {P} and {C} were both in, and the younger children were at nursery.',
      'Home visit completed on {D} with the family support worker. {C} came to the door with her mother and showed us into the kitchen.',
      'Planned visit on {D} at four in the afternoon, after school. {P} was cooking and {C} was doing homework at the table.',
    ],
    [
      'The home was warm and tidy, there was fresh food in the fridge, and the kitchen had been cleaned since my last visit.',
      'Home conditions were poor: the kitchen sink was full of dishes, there was a strong smell of smoke, and bin bags were piled by the back door.',
      'The flat was cold because the heating had broken, and {P} said the landlord had not yet sent anyone to repair it.',
      'The living room was cluttered but safe, with toys put away in boxes and a stair gate now fitted at the top of the stairs.',
    ],
    [
      'I saw {C} alone in her bedroom, which had a bed with clean bedding, a wardrobe and some of her drawings on the wall.',
      '{C} was seen and spoken to alone; she showed me her room and said she had been sleeping well since the new bed arrived.',
      'I was not able to see {C} alone on this occasion as she was upset and did not want to leave her mother, so this will be prioritised next time.',
      'I spent time with {C} on her own in the garden, where she talked about her friends at {S} and a trip to the park.',
    ],
    [
      '{P} told me she had attended the first appointment with the substance misuse service and had been given a date for her next test.',
      'We discussed the safety plan and {P} was able to say who she would call if her former partner came to the house again.',
      '{P} said she had been struggling with low mood and had not yet made an appointment with her GP, although she agreed to do so.',
      'We went through the written agreement together and {P} said she understood what was expected of her before the review conference.',
    ],
    [
      "Next visit is booked for two weeks' time, and I will check with the school on attendance and with the health visitor before then.",
      'I will share the outcome of this visit with the core group and ask the health visitor to see the younger children at home this week.',
      'I will contact the landlord about the heating and chase the repair, and speak to {P} again by phone on Friday.',
      'Actions from the visit are to follow up the GP appointment, update the chronology, and arrange a joint visit with the school nurse.',
    ],
  ],
};

const CHILDREN = [
  'Ellie',
  'Kacper',
  'Maya',
  'Tyler',
  'Zainab',
  'Oscar',
  'Freya',
  'Darius',
  'Lacey',
  'Mohammed',
  'Poppy',
  'Jayden',
  'Amira',
  'Callum',
  'Nadia',
  'Reece',
];
const PARENTS = ['Ms Nowak', 'Mrs Ahmed', 'Ms Carter', 'Mr Hughes', 'Ms Okafor', 'Mrs Lewis', 'Ms Byrne', 'Mr Patel', 'Ms Walsh', 'Mrs Green'];
const SCHOOLS = ['Oakfield Primary', "St Mary's Academy", 'Riverside School', 'Hill Top Primary', 'Northgate Academy'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * Words a worker swaps in when revising: near-synonyms where there are some, else a word of the
 * same register. A substitution never leaves the word as it was.
 */
const SYNONYMS: Record<string, string[]> = {
  said: ['stated', 'reported', 'told me'],
  told: ['informed', 'advised'],
  home: ['house', 'property'],
  concerns: ['worries', 'issues'],
  concern: ['worry', 'issue'],
  worried: ['concerned', 'anxious'],
  agreed: ['consented', 'accepted'],
  visit: ['call', 'appointment'],
  school: ['academy', 'class'],
  mother: ['mum', 'parent'],
  children: ['kids', 'siblings'],
  child: ['young person', 'girl'],
  support: ['help', 'assistance'],
  help: ['support', 'assistance'],
  family: ['household', 'parents'],
  risk: ['danger', 'concern'],
  plan: ['arrangement', 'proposal'],
  clean: ['tidy', 'in order'],
  tidy: ['clean', 'orderly'],
  upset: ['distressed', 'tearful'],
  week: ['fortnight', 'month'],
  spoke: ['talked', 'met'],
  asked: ['requested', 'invited'],
  again: ['once more', 'further'],
  regularly: ['often', 'frequently'],
  poor: ['unsatisfactory', 'inadequate'],
  good: ['positive', 'satisfactory'],
  would: ['will', 'could'],
  will: ['shall', 'intend to'],
  about: ['regarding', 'concerning'],
  after: ['following', 'since'],
  before: ['prior to', 'ahead of'],
  since: ['from', 'after'],
  time: ['period', 'occasion'],
  also: ['further', 'additionally'],
  appointment: ['session', 'meeting'],
};
const FILLER =
  'recently clearly generally apparently quite really further also still now then there however overall again later briefly carefully properly usually often sometimes'.split(
    ' ',
  );

export interface Edits {
  /** Share of the passage's words substituted (names and dates not counted). */
  rate: number;
  /** Substitute every (1 / rate)th word instead of words at random (the hardest spread: no long run survives). */
  even?: boolean;
  reorder?: boolean;
  mergeSplit?: boolean;
}

export interface Pair {
  topic: string;
  source: string;
  copy: string;
  /** The other text's names: the copy is about another child (a copy-forward in the test keeps the case). */
  child: [string, string];
}

type Rnd = () => number;

function unit(rnd32: () => number): Rnd {
  return () => rnd32() / 4294967296;
}

function fill(sentence: string, names: { C: string; P: string; D: string; S: string; A: string }): string {
  return sentence.replace(/\{([CPDSWA])\}/g, (_, k: string) => (names as Record<string, string>)[k] ?? 'the worker');
}

function namesFor(rnd: Rnd, avoid?: { C: string; P: string }): { C: string; P: string; D: string; S: string; A: string } {
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  let C = pick(CHILDREN);
  while (avoid && C === avoid.C) C = pick(CHILDREN);
  let P = pick(PARENTS);
  while (avoid && P === avoid.P) P = pick(PARENTS);
  return { C, P, D: `${1 + Math.floor(rnd() * 28)} ${pick(MONTHS)} 202${3 + Math.floor(rnd() * 3)}`, S: pick(SCHOOLS), A: String(5 + Math.floor(rnd() * 10)) };
}

/** Sentences of a passage of `topic` with the variant `choice[slot]` in each slot. */
function sentences(topic: string, choice: number[], names: ReturnType<typeof namesFor>): string[] {
  return TOPICS[topic].map((slot, i) => fill(slot[choice[i]], names));
}

/**
 * Substitutes round(rate × words) words at random places, or every (1 / rate)th word when
 * `even` (names and numbers, already changed, are left alone: the nearest other word is taken).
 */
function substitute(text: string, rate: number, rnd: Rnd, even = false): string {
  const words = text.split(' ');
  const eligible = words.map((_, i) => i).filter((i) => /^[a-z]+[,.;]?$/.test(words[i]));
  const count = Math.round(rate * words.length);
  const chosen = new Set<number>();
  if (even && rate > 0) {
    const step = 1 / rate;
    for (let at = step - 1; at < words.length; at += step) {
      const near = eligible.reduce(
        (best, i) => (Math.abs(i - at) < Math.abs(best - at) && !chosen.has(i) ? i : best),
        eligible.find((i) => !chosen.has(i)) ?? 0,
      );
      chosen.add(near);
    }
  }
  while (!even && chosen.size < Math.min(count, eligible.length)) chosen.add(eligible[Math.floor(rnd() * eligible.length)]);
  for (const i of chosen) {
    const [, bare, punct] = /^([a-z]+)([,.;]?)$/.exec(words[i])!;
    const options = (SYNONYMS[bare] ?? FILLER).filter((o) => o !== bare);
    words[i] = options[Math.floor(rnd() * options.length)] + punct;
  }
  return words.join(' ');
}

/** Two sentences joined with ", and" or one split at its first comma. */
function mergeOrSplit(parts: string[], rnd: Rnd): string[] {
  const out = [...parts];
  const i = Math.floor(rnd() * (out.length - 1));
  if (rnd() < 0.5) {
    out.splice(i, 2, `${out[i].replace(/\.$/, '')}, and ${out[i + 1][0].toLowerCase()}${out[i + 1].slice(1)}`);
  } else {
    const at = out[i].indexOf(', ');
    if (at > 0) out.splice(i, 1, `${out[i].slice(0, at)}.`, `${out[i][at + 2].toUpperCase()}${out[i].slice(at + 3)}`);
  }
  return out;
}

/**
 * `n` source passages of every topic, each with its edited copy and an independent text of the
 * same topic, deterministically from `seed`.
 */
export function generate(edits: Edits, n: number, seed: number): { copies: Pair[]; independent: Pair[] } {
  const rnd = unit(random(seed));
  const copies: Pair[] = [];
  const independent: Pair[] = [];
  for (const topic of Object.keys(TOPICS)) {
    for (let k = 0; k < n; k++) {
      const choice = TOPICS[topic].map((slot) => Math.floor(rnd() * slot.length));
      const other = choice.map((c, i) => (c + 1 + Math.floor(rnd() * (TOPICS[topic][i].length - 1))) % TOPICS[topic][i].length);
      const names = namesFor(rnd);
      const newNames = namesFor(rnd, names);
      const source = sentences(topic, choice, names).join(' ');
      let parts = sentences(topic, choice, newNames);
      if (edits.reorder) {
        const i = 1 + Math.floor(rnd() * (parts.length - 2));
        [parts[i], parts[i + 1]] = [parts[i + 1], parts[i]];
      }
      if (edits.mergeSplit) parts = mergeOrSplit(parts, rnd);
      copies.push({ topic, source, copy: substitute(parts.join(' '), edits.rate, rnd, edits.even), child: [names.C, newNames.C] });
      independent.push({ topic, source, copy: sentences(topic, other, newNames).join(' '), child: [names.C, newNames.C] });
    }
  }
  return { copies, independent };
}

/** Passages that statute, court rules and common forms make everyone write the same. */
export const STATUTORY = [
  "A court may only make a care order or supervision order if it is satisfied that the child concerned is suffering, or is likely to suffer, significant harm; and that the harm, or likelihood of harm, is attributable to the care given to the child, or likely to be given to him if the order were not made, not being what it would be reasonable to expect a parent to give to him; or the child's being beyond parental control.",
  'I believe that the facts stated in this witness statement are true. I understand that proceedings for contempt of court may be brought against anyone who makes, or causes to be made, a false statement in a document verified by a statement of truth without an honest belief in its truth.',
];

/** The shipped rule (rules/duplication.yaml), with its thresholds and statutory passages. */
let shipped: Rule | null = null;
function shippedRule(): Rule {
  shipped ??= loadPacks([join(import.meta.dirname, '../../rules/duplication.yaml')])
    .flatMap((p) => p.rules)
    .find((r) => r.id === 'duplication.copied-passage')!;
  return shipped;
}

function record(id: string, caseId: string, child: string, date: string, text: string, path = 'export.csv'): CanonicalRecord {
  return {
    record_id: id,
    case_id: caseId,
    subject_id: `P-${caseId}`,
    subject_name: `${child} Smith`,
    subject_dob: null,
    subject_gender: null,
    record_date: date,
    recorded_at: null,
    author: null,
    team: null,
    record_type: null,
    text,
    source: { path, line: 2, record: 1 },
  };
}

/** The flags on the later record of a pair: the source in one case, the text in another (or the same). */
export function flagsOnPair(pair: Pair, rule: Partial<Rule> = {}, sameCase = false): FlagDraft[] {
  const check = duplicationKind.createCheck([{ ...shippedRule(), ...rule } as Rule], { asOf: '2026-01-01', sections: {}, collectMentions: false });
  check.record(record('SRC', 'C-1', pair.child[0], '2024-03-01', pair.source));
  check.record(record('NEW', sameCase ? 'C-1' : 'C-2', sameCase ? pair.child[0] : pair.child[1], '2024-09-01', pair.copy));
  return check.finish();
}

export interface EditScores {
  label: string;
  copies: number;
  found: number;
}

export const EDIT_LEVELS: { label: string; edits: Edits }[] = [
  { label: 'names and dates only', edits: { rate: 0 } },
  { label: '10% words', edits: { rate: 0.1 } },
  { label: '15% words', edits: { rate: 0.15 } },
  { label: '20% words', edits: { rate: 0.2 } },
  { label: 'every 8th word', edits: { rate: 1 / 8, even: true } },
  { label: 'every 6th word', edits: { rate: 1 / 6, even: true } },
  { label: 'every 5th word', edits: { rate: 1 / 5, even: true } },
  { label: '10% + reordered', edits: { rate: 0.1, reorder: true } },
  { label: '20% + reordered', edits: { rate: 0.2, reorder: true } },
  { label: '15% + merged/split', edits: { rate: 0.15, mergeSplit: true } },
  { label: '20% + reordered + merged/split', edits: { rate: 0.2, reorder: true, mergeSplit: true } },
  { label: '30% words (heavy)', edits: { rate: 0.3 } },
  { label: '40% words (heavy)', edits: { rate: 0.4 } },
];

/** Recall by edit level and false alarms on independent same-topic texts, `n` passages per topic and level. */
export function measure(
  n = 25,
  seed = 17,
): { levels: EditScores[]; independent: { pairs: number; flagged: number }; statutory: { pairs: number; flagged: number } } {
  const levels: EditScores[] = [];
  let pairs = 0;
  let flagged = 0;
  EDIT_LEVELS.forEach(({ label, edits }, i) => {
    const { copies, independent } = generate(edits, n, seed + i);
    levels.push({
      label,
      copies: copies.length,
      found: copies.filter((p, k) => flagsOnPair(p, {}, k % 2 === 0).some((f) => f.related_record_ids?.[0] === 'SRC')).length,
    });
    if (i === 0) {
      pairs = independent.length;
      flagged = independent.filter((p, k) => flagsOnPair(p, {}, k % 2 === 0).length > 0).length;
    }
  });
  // Statutory wording around independent texts: in two cases, never a copy.
  const { independent } = generate({ rate: 0 }, n, seed + 100);
  const withStatute = independent.map((p, k) => {
    const s = STATUTORY[k % STATUTORY.length];
    return { ...p, source: `${p.source} ${s}`, copy: `${s} ${p.copy}` };
  });
  const statutoryFlagged = withStatute.filter((p) => flagsOnPair(p).length > 0).length;
  return { levels, independent: { pairs, flagged }, statutory: { pairs: withStatute.length, flagged: statutoryFlagged } };
}

export function formatMeasurement(m: ReturnType<typeof measure>): string {
  const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(0)}%`;
  return [
    '| edits to the copy | copies | found | recall |',
    '|---|---|---|---|',
    ...m.levels.map((l) => `| ${l.label} | ${l.copies} | ${l.found} | ${pct(l.found, l.copies)} |`),
    '',
    `independent texts of the same topic (other words, other names): ${m.independent.flagged} of ${m.independent.pairs} pairs flagged (${pct(m.independent.flagged, m.independent.pairs)})`,
    `statutory wording (s31(2), statement of truth) beside independent texts: ${m.statutory.flagged} of ${m.statutory.pairs} pairs flagged`,
  ].join('\n');
}
