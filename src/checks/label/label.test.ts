import { describe, expect, it } from 'vitest';
import type { LabelRule } from './label.ts';
import type { LabelHistory } from './history.ts';
import { CheckTester, defaultRulesOfKind } from '../../../test/support/check-tester.ts';

const rules = defaultRulesOfKind('label') as LabelRule[];
/** Kayden Price's case notes (born 02/05/2017, male), with every mention kept, as of 01/01/2025. */
const tester = new CheckTester({
  record: { subject_name: 'Kayden Price', subject_dob: '2017-05-02', subject_gender: 'male', recorded_at: null, author: 'A Worker', record_type: 'case note' },
  path: 't.csv',
  env: { asOf: '2025-01-01', collectMentions: true },
});
const { record } = tester;

function statuses(text: string) {
  const { sections } = tester.run(rules, record(text, { record_date: '2023-01-01' }));
  return (sections.mentions as { label: string; status: string; span: { text: string } }[]).map((m) => [m.span.text, m.label, m.status]);
}

describe('label mentions and their status', () => {
  it.each([
    ['There is no evidence of FII.', 'negated'],
    ['FII was ruled out by the paediatrician.', 'negated'],
    ['Mr Doyle denies any alcohol misuse.', 'attributed'],
    ['She was not considered aggressive at any visit.', 'negated'],
    ['If concerns about FII arise, the paediatrician will be consulted.', 'hypothetical'],
    ['The FII guidance was discussed in supervision.', 'hypothetical'],
    ['Father alleges mother is controlling.', 'attributed'],
    ['The referrer described mother as aggressive.', 'attributed'],
    ['Grandmother said: "she is a drug addict".', 'attributed'],
    ["PC Jones' report of 04/02/2023 records that he threw a chair; I consider that behaviour aggressive.", 'evidenced'],
    ['Mother is aggressive.', 'asserted'],
    ['Concerns of FII remain.', 'asserted'],
    ['Mother did not attend the meeting but was hostile on the phone.', 'asserted'],
    ['Father said mother is controlling and I agree.', 'asserted'],
    ['In my opinion fabricated or induced illness is not the explanation for her symptoms.', 'negated'],
    // An earlier description, then evidence after a semicolon that it no longer holds.
    ['The 2021 strategy notes describe Ms Kerr as hostile; her warm engagement at every visit since March points the other way.', 'refuted'],
    ['The core group minutes from the March 2022 meeting call him aggressive; five calm reviews since then mean the word no longer fits.', 'refuted'],
  ])('%s → %s', (text, status) => {
    const found = statuses(text);
    expect(found).toHaveLength(1);
    expect(found[0][2]).toBe(status);
  });

  it('reads each mention of a sentence on its own', () => {
    expect(statuses('Mother is not aggressive but she is chaotic and, if anything, overly anxious.')).toEqual([
      ['aggressive', 'aggressive', 'negated'],
      ['chaotic', 'chaotic', 'asserted'],
      ['overly anxious', 'overly anxious', 'asserted'],
    ]);
  });

  it('does not take ordinary phrases for labels', () => {
    expect(statuses('She offered non-alcoholic drinks; the family are in unstable housing and were referred to the substance misuse service.')).toEqual([]);
  });

  it('matches hyphenated and spaced forms alike, and the longest form', () => {
    expect(statuses('Ms Hart is over-anxious. Ms Hart is fabricating and inducing illness.').map((m) => [m[0], m[1]])).toEqual([
      ['over-anxious', 'overly anxious'],
      ['fabricating and inducing illness', 'FII'],
    ]);
  });
});

describe('a label through the chronology of a case', () => {
  it('is traced from first use, through evidence against it, to repetition after it', () => {
    const check = tester.check(rules);
    const records = [
      record('Home visit. Dad is an alcoholic and the children are at risk when he cares for them.', { record_date: '2023-03-01' }),
      record('CP conference: dad is an alcoholic.', { record_date: '2023-03-20' }),
      record('Hair strand test results dated 12/04/2023 were negative for alcohol; PEth was within the normal range.', { record_date: '2023-04-18' }),
      record('Review: dad is an alcoholic and this remains the main risk.', { record_date: '2023-05-24' }),
      record('Dad is an alcoholic.', { record_date: '2023-01-10', case_id: 'C2' }),
    ];
    // Records arrive out of date order, as exports often are.
    for (const r of [records[3], records[0], records[2], records[1], records[4]]) check.record(r);
    const drafts = check.finish();
    const flags = drafts.map((d) => [d.record.record_id, d.severity ?? d.rule.severity, d.related_record_ids]);
    const [first, second, test, after, other] = records.map((r) => r.record_id);
    expect(flags.sort()).toEqual(
      [
        [after, 'error', [test, first]],
        [first, 'error', []],
        [second, 'error', [first]],
        [other, 'error', []],
      ].sort(),
    );
    const afterFlag = drafts.find((d) => d.record.record_id === after)!;
    expect(afterFlag.message).toMatch(
      new RegExp(
        `^Repeated after contrary evidence: record ${test} \\(18/04/2023\\) says “Hair strand test results dated 12/04/2023 were negative for alcoholic`.replace(
          'alcoholic',
          'alcohol',
        ),
      ),
    );
    const history = (check.sections!().label_histories as LabelHistory[]).find((h) => h.case_id === 'C1')!;
    expect(history).toMatchObject({
      label: 'alcoholic',
      first_record_id: first,
      first_record_date: '2023-03-01',
      repeated_in: [second, after],
      evidenced: false,
      contrary_evidence_record_ids: [test],
      repeated_after_contrary_evidence: [after],
    });
    expect(history.entries.map((e) => [e.record_id, e.event, e.status ?? null])).toEqual([
      [first, 'mention', 'asserted'],
      [second, 'mention', 'asserted'],
      [test, 'contrary-evidence', null],
      [after, 'mention', 'asserted'],
    ]);
  });

  it('evidence against the label for one parent does not make its use of the other a repetition after it', () => {
    const check = tester.check(rules);
    const test = record("Ms Lowe's hair strand test from 02/02/2024 was negative for cannabis and cocaine.", { record_date: '2024-02-20', case_id: 'C3' });
    const father = record("Mr Lowe's drug use is the main risk when the children stay with him.", { record_date: '2024-03-05', case_id: 'C3' });
    const mother = record("Ms Lowe's drug use is the main risk at bedtime.", { record_date: '2024-03-06', case_id: 'C3' });
    for (const r of [test, father, mother]) check.record(r);
    const drafts = check.finish();
    expect(drafts.map((d) => [d.record.record_id, d.related_record_ids, /^Repeated after contrary evidence/.test(d.message ?? '')])).toEqual([
      [father.record_id, [], false],
      [mother.record_id, [test.record_id, father.record_id], true],
    ]);
    const history = (check.sections!().label_histories as LabelHistory[]).find((h) => h.case_id === 'C3' && h.label === 'drug misuse')!;
    expect(history.repeated_after_contrary_evidence).toEqual([mother.record_id]);
  });

  it('a conditional test result is not evidence against the label', () => {
    const check = tester.check(rules);
    check.record(record('If the hair strand test is negative, the plan will be reviewed.', { record_date: '2023-02-01' }));
    check.record(record('Mum is a drug addict.', { record_date: '2023-03-01' }));
    const [flag] = check.finish();
    expect(flag.severity).toBeUndefined();
    expect(flag.related_record_ids).toEqual([]);
  });
});

// Sentences written for these mechanisms in several registers (case note shorthand, minutes,
// court statement, letter); none is taken from the corpora the engine is scored on.
describe('reading that holds on prose we did not write (#15)', () => {
  const one = (text: string) => {
    const found = statuses(text);
    return found.length === 1 ? found[0][2] : found.length ? found.map((f) => f[2]).join(',') : 'no mention';
  };

  it.each([
    ['The traffic on the ring road was chaotic, so I arrived twenty minutes late.'],
    ['The consultant described the tumour as aggressive.'],
    ['Mr Bell owns a controlling share in a haulage firm.'],
    ['The loft ladder was unstable and the landlord has been asked to replace it.'],
    ['The handbrake had disengaged and the car rolled into the fence.'],
    // Treatment to a part of the body is not a part of someone's behaviour.
    ["Sports clinic log: manipulative therapy to Kyle's shoulder after training."],
    // A score or a count between the label and its noun.
    ['We watched the under-9s final, a chaotic 4-3 win on penalties.'],
    ['Volatile fumes from the garage paint made the room unsafe for the baby.'],
    ['The dog was hostile to visitors, so it was shut in the kitchen during my visit.'],
    // A common noun starting the sentence is a thing, not a name the tagger cannot place.
    ['Roads out of the village were chaotic after the flooding, so the visit moved to Friday.'],
    ['Trains into the city were chaotic because of the strike.'],
    ['Chaotic warm-up before the match, and the coach sent the parents back to the car park.'],
    // A time of day is a thing unless it is placed in someone's life.
    ['The first week of the new timetable was chaotic at the secondary school.'],
    // A phrase label ending in a verb, before a thing, modifies the thing.
    ['The gas meter sits in a hard to reach corner of the cellar.'],
    // An abbreviation the record spells out as something else.
    ['The benefits letter mentions a fixed interim instalment (FII) of £40 a week.'],
    // What a thing has is a thing; and the object of a verb of making is what its complement describes.
    ["The wardrobe's casing was unstable, so the landlord took it away before the children moved in."],
    ['Snow on the Ledbury road made the drive chaotic, and the visit started at eleven.'],
  ])('a label word about a thing is not a mention: %s', (text) => {
    expect(one(text)).toBe('no mention');
  });

  it.each([
    ['Mum v chaotic today, nappies everywhere.', 'asserted'],
    ['His aggressive outbursts frighten the children.', 'asserted'],
    ['Their relationship is volatile.', 'asserted'],
    ['The home was chaotic.', 'asserted'],
    ['Shona was chaotic and tearful when I arrived.', 'asserted'],
    ['Evenings at home are chaotic, with no set bedtime.', 'asserted'],
    ['Bedtimes are volatile for Jacob, according to my own observation of two evenings.', 'evidenced'],
    ['Her weekends have been chaotic since the move.', 'asserted'],
    ['The family set-up is unstable.', 'asserted'],
    ['Conditions in the flat were chaotic again this week.', 'asserted'],
    ['Living conditions remain chaotic.', 'asserted'],
    ['Mia is growing up in a volatile home environment.', 'asserted'],
    ["The family's routine is chaotic on school mornings.", 'asserted'],
    ['The move left Ms Tan unable to cope with the three boys.', 'asserted'],
  ])('a label about a person, their behaviour, relationship or home is a mention: %s', (text, status) => {
    expect(one(text)).toBe(status);
  });

  it.each([
    // A speaker's label in minutes: what follows is theirs.
    ['School nurse: mum has been volatile at every drop-off this month.', 'attributed'],
    ['Mrs Duffy (class teacher): dad is very controlling about who collects Ellis.', 'attributed'],
    // A court's finding is evidence; a report addressed to a court is its author's account.
    ['At the fact-finding hearing the judge found that Mr Pell had been coercive towards Ms Arden throughout 2023.', 'evidenced'],
    ["The YOT worker's report to the court calls Mr Pell uncooperative.", 'attributed'],
    // Records cited in a bracket, and the writer's own contemporaneous notes, are sources.
    ['Her lifestyle is chaotic: four addresses in six months (housing and GP records).', 'evidenced'],
    // After a semicolon, a clause that opens with when something happened gives the instance.
    ['Mr Dyer has been non-compliant with the written agreement; on 03/02/2025 PC Lamb found him at the flat at midnight.', 'evidenced'],
    // An earlier label, and later evidence against it.
    ['Ms Pike was flagged as disengaged in the 2024 review, but the clinic has since confirmed that its letters went to the wrong address.', 'refuted'],
    // A question takes a person described in passing as given; it asks about a predicate.
    ['Who visits an aggressive father who works nights?', 'asserted'],
    ['Notes – PC Adair (Police): the neighbour calls Mr Ince volatile after a drink.', 'attributed'],
    ['I am concerned that Ms Loft is unable to cope with the twins at bedtime.', 'asserted'],
    ['Mr Ince was volatile at the review on 02/03/2025, shouting over the chair twice; this is recorded in the minutes.', 'evidenced'],
    ['The team should visit her volatile partner in pairs.', 'asserted'],
    ['If an aggressive parent arrives at reception, staff should call the duty manager.', 'hypothetical'],
    ['Is Mr Lyle aggressive, or frightened of losing the children?', 'hypothetical'],
    // Someone's account, then evidence against it after a contrast.
    ['The 2022 referral called Ms Birch a drug user, but three urine screens since have all come back negative.', 'refuted'],
    ['The GP letter described Mr Oakes as alcohol dependent; however his CDT results were below the cut-off in May.', 'refuted'],
    // A clause-opening negative, however far from the label.
    ['Never once across the eleven supervised sessions at the family centre was Mr Hurd aggressive.', 'negated'],
    ["The school nurse's opinion is that Mum is overly anxious about Leo's asthma.", 'attributed'],
    ["The social worker's view is that Mum is overly anxious about Leo's asthma.", 'asserted'],
    // A label talked about as a word is not used of anyone; someone who used the word said it.
    ["Practice note: the term 'parental alienation' has no agreed definition and should be avoided.", 'hypothetical'],
    ["In supervision we looked at how words like 'chaotic' end up in court bundles.", 'hypothetical'],
    ["Mr Kerr's barrister used the phrase 'controlling' four times in submissions.", 'attributed'],
    // Evidence, then a conclusion drawn from it; an act, then a comment on it.
    ['The urine screen on 04/04/2024 was positive for heroin, so his drug use is ongoing.', 'evidenced'],
    ['On 9 May I watched Ms Hart drag Finn across the car park by his arm, which was aggressive.', 'evidenced'],
    // Guidance to practitioners about how to write is not about this family.
    ['Practitioners should avoid describing mothers as overly anxious when they ask for a second opinion.', 'hypothetical'],
    // A quotation with an apostrophe inside it, and its speaker after it.
    ["'He's an addict, he can't stop,' his brother told me at the door.", 'attributed'],
  ])('whose words, and on what evidence: %s', (text, status) => {
    expect(one(text)).toBe(status);
  });

  it.each([
    ['The booking system is responsible for controlling access to the rooms.'],
    ['The gutters were unable to cope with the storm and the kitchen ceiling leaked.'],
    ["Her father's tumour is slow-growing but aggressive, the oncologist says."],
    ['The gable wall at 3 Station Road is unstable and the family have moved to the front room.'],
    ['The tow bar disengaged on the bypass and the trailer came loose.'],
    ['The boiler in the bedsit is old and unstable, and the landlord has been told.'],
    ['Nobody could hear the guardian because the Wi-Fi at the library was unstable.'],
    // Surroundings placed somewhere else, not in the family's life.
    ['Conditions on the estuary path were hostile, so the walk with the foster carers was cut short.'],
    ['The local councillor said new benefit rules create a hostile environment for claimants.'],
    ['The staircase in the new flat is unstable and the council will repair it on Monday.'],
    ['The dog at number 12 is aggressive and the postman will not deliver there.'],
    // A label noun of a thing: the conveyancer's "alienation", the market's "volatility".
    ['The title deeds record the alienation of the freehold in 1987, which affects the ground rent.'],
    ['Dad lost money on the volatility of the share price and is now on a payment plan.'],
    ['Things on the ward were chaotic after the fire alarm, so the visit was moved.'],
  ])('a label verb done by a thing is not a mention: %s', (text) => {
    expect(one(text)).toBe('no mention');
  });

  it.each([
    ['Carers who become hostile when challenged need a consistent worker.'],
    ['Workers sometimes assume that a young mother is overly anxious when she rings the GP often.'],
    ['The outreach team works with families often seen as hard to reach.'],
    // A policy, a module or a course by its section, slide or week, quoted words included.
    ['Safeguarding policy v2.1, section 4: staff should record what a hostile parent said, not the label.'],
    ["Induction module, slide 12: words such as 'disguised compliance' are contested."],
    ['The parenting course, week 2, covers how chaotic routines affect toddlers.'],
    ['An aggressive response to a first home visit is common and says little about risk on its own.'],
    ['A study circulated by the health visiting team suggests overly anxious mothers often under-report their own needs.'],
  ])('a label about people in general, not this family, is not asserted: %s', (text) => {
    expect(one(text)).toBe('hypothetical');
  });

  it.each([
    [
      "The childminder phoned the duty desk on Monday afternoon and explained that, in her opinion, Ms Akhtar's partner is extremely controlling.",
      'attributed',
    ],
    ['Riley told his teacher, who passed it on to the DSL, that his dad is always drunk and aggressive.', 'attributed'],
    ['Mr Quinn denies that he was ever aggressive towards Ms Dunne.', 'attributed'],
    ["The local authority contends that the mother's partner is controlling and should leave the home.", 'attributed'],
    ['Nursery staff describe Ms Osei as very hostile at pick-up.', 'attributed'],
    ['In her text message Ms Reilly called the referral malicious.', 'attributed'],
    ['The school did not say that Mr Vance was aggressive.', 'negated'],
  ])('attribution at any distance, and denials: %s', (text, status) => {
    expect(one(text)).toBe(status);
  });

  it.each([
    ['The GP surgery confirmed the appointment for 14/03/2024; father is controlling.', 'asserted'],
    ['Ms Fenn has been uncooperative: she refused entry on 02/02/2024 and again on 09/02/2024.', 'evidenced'],
    ['On 05/06/2024 I watched Mr Cole shout at Ava until she cried, which I consider aggressive.', 'evidenced'],
    ['The meeting was held on 03/03/2024 and mother is chaotic.', 'asserted'],
    // An account that says all was well bears no label out, nor does one behind it.
    ['Supervised contact on 11/10/2024, two hours at the family centre, went well. Mr Tait is volatile and needs two staff.', 'asserted'],
    ['Home visit at 16:15 on 02/12/2024. No concerns noted in the home. Mother remains chaotic.', 'asserted'],
    ['Home visit at 16:15 on 02/12/2024: the front door was kicked in and glass on the floor. Mother remains chaotic.', 'evidenced'],
    ['Contact at 14:00 on 05/05/2024 went well until Dad shouted at Ella for spilling juice. Dad is volatile.', 'evidenced'],
    // A table row's own date and empty source are not evidence; a field that says none is a negation.
    ['Concern: aggressive stepfather | Source: not recorded | Date: 17/09/2024 | Owner: SW', 'asserted'],
    ['Alcohol misuse: none reported | Checked: 17/09/2024', 'negated'],
  ])('evidence must be tied to the label: %s', (text, status) => {
    expect(one(text)).toBe(status);
  });

  it.each([
    ['The DA awareness module explains how coercive control escalates after separation.', 'hypothetical'],
    ['Parents who are isolated are often labelled as hard to reach.', 'hypothetical'],
    ['How will staff at the contact centre manage Mr Hart’s aggressive behaviour?', 'asserted'],
    ['Is Ms Lowe drinking heavily again, or is the smell from the party the night before?', 'hypothetical'],
  ])('generic text and questions: %s', (text, status) => {
    expect(one(text)).toBe(status);
  });

  it.each([
    ['At no point during the six visits has Ms Grant been hostile.', 'negated'],
    ['Mr Bain wisnae aggressive at the door, just feart.', 'negated'],
    // A view drawn from the dated account before the semicolon.
    [
      'Ms Reid missed three of the four contact sessions in May 2024 and rang to cancel each one at the last minute; in my view she is disengaged.',
      'evidenced',
    ],
    // An earlier description that predates what was since found.
    [
      'The transfer summary described Mr Ellis as unstable; that predates the psychiatric assessment of 02/02/2025, which found no current disorder.',
      'refuted',
    ],
    // A concessive "whatever … said," holds its report: the main clause is the writer's.
    ['Whatever Mr Dunn told the panel, he is still aggressive with staff.', 'asserted'],
    // A label named as a word, and a guidance heading with its title, year or purpose.
    ["The audit checklist asks workers to evidence any term such as 'hostile' before they write it.", 'hypothetical'],
    // Guidance on what to call people talks about the label as a word; the writer's own "would not describe" negates it.
    ["The service plan asks us to stop labelling fathers 'uncooperative' when we have not offered evening visits.", 'hypothetical'],
    ["Neglect should not be recorded as 'chaotic' without saying what was seen.", 'hypothetical'],
    ['The team now says "not yet engaged" rather than "resistant" in its letters.', 'hypothetical'],
    ['I would not describe Ms Cole as hostile: she was upset and said so.', 'negated'],
    ['Team guidance "Plain words" (2023): avoid calling a parent chaotic without saying what was seen.', 'hypothetical'],
    ['Leaflet for parents of toddlers: parents who feel unable to cope at bedtime can ring the helpline.', 'hypothetical'],
    // Guidance, policy or training as the subject, plural, dated or by its trainer: generic, not someone's report.
    ["Our complaints procedures say that a parent's complaint can only be logged as malicious once the service manager has read it.", 'hypothetical'],
    ['The lone-working protocol (revised 2025) explains that a hostile reception on a doorstep is a reason to leave.', 'hypothetical'],
    ['The council’s recording policy of March 2024 states that a parent may be called uncooperative only with dated examples.', 'hypothetical'],
    ['At the team day the trainers warned that disguised compliance is easy to allege and hard to evidence.', 'hypothetical'],
    // A call written as dialogue: the parent's turn is the parent's words, the heading a note about them.
    ['Call from Nan, 09:05 – MGM: I think she drinks every night, you can smell it.', 'attributed'],
    ['Visit 04/04 – F: drinking heavily, cans everywhere.', 'asserted'],
    ['Parenting assessment – Mother: chaotic, misses appointments.', 'asserted'],
    // Refutation: an agency's record, a dated report or a paragraph of one, and what was found since.
    ['The MASH record calls the Rowe family hard to reach; letters since March show they were never sent to the right address.', 'refuted'],
    ['Section 4 of the initial assessment named Dad as aggressive, but the IDVA review rejected that after hearing the 999 calls.', 'refuted'],
    ['The 2023 closing record called Mr Bell malicious for ringing the school, yet his concerns about the bus driver proved genuine.', 'refuted'],
    // A negation that opens its own clause after "and" is that clause's.
    ['The anonymous referral was malicious and no further action was taken.', 'asserted'],
    ['If Nan goes into hospital, things at home could become chaotic.', 'hypothetical'],
    ['The DA training was clear that coercive control is a pattern, not an incident.', 'hypothetical'],
    ["The 2021 summary's view that Dad was 'controlling' no longer stands: the IDVA's review found the calls were about Leo's asthma.", 'refuted'],
    ['The earlier minutes recorded that Mum was disengaged, yet she has since attended every core group.', 'refuted'],
    ['Ward SW note: I consider Mr Dee an alcoholic because his CDT on 02/02/2024 was 4.1%.', 'evidenced'],
    ['Alcohol misuse is no longer a concern for this family.', 'negated'],
    ['There is no doubt that Mr Reid is volatile.', 'asserted'],
    [
      'The 2022 assessment said Ms Park was unable to cope; the nursery reports and my visits since then show the opposite, and that entry is not supported.',
      'refuted',
    ],
    ['The 2019 chronology calls Mr Duffy a heroin user, but that line was copied from a file about a different man of the same name.', 'refuted'],
    [
      'The review minutes recorded Ms Kaur as over-anxious about Dev’s weight; the dietitian’s letter of 03/03/2025 shows her worries were justified.',
      'refuted',
    ],
    ['Earlier notes called Mum unable to cope, yet she has since completed the Incredible Years course and the nursery reports a settled routine.', 'refuted'],
    // A negated subject reaches its clause; a dismissal that still names the thing does not negate it.
    ['Not a single one of the eight contact notes shows Mr Rudd being controlling with the girls.', 'negated'],
    ['Not one of the teachers has ever seen Ms Hale hostile at the gate.', 'negated'],
    ['Mum’s barrister characterises the rows as nothing more than parental acrimony.', 'attributed'],
    ["The paternal aunt's statement paints Ms Sharma as manipulative.", 'attributed'],
    ['I would characterise his manner with the guardian as hostile, not frightening.', 'asserted'],
    ['The local authority contended, in its final evidence filed last week, that Mr Amos is an alcoholic.', 'attributed'],
    // A contrast that brings in what was found or has happened since; minutes of a meeting, or a use on a date, point back.
    ['The 2022 transfer summary described the flat as chaotic, however the four visits since June found it tidy and well run.', 'refuted'],
    ['Notes from the September core group said Dad was volatile, but the contact supervisor has since logged eleven calm sessions.', 'refuted'],
    ['I recorded Mr Lowe as hostile on 04/02/2025, but the recording of that meeting shows he was polite throughout.', 'refuted'],
    // A document as the one who used it; and a test that showed no such use, after a semicolon.
    ['The s.47 summary had described Ms Tate as volatile, but the school has since logged a calm term of pick-ups.', 'refuted'],
    ["The Cafcass letter raised alienating behaviour, but the guardian has since found the boys' refusal came from what they saw.", 'refuted'],
    ['The 2023 referral called Mr Owusu an alcoholic; his PEth result in May showed no excessive use.', 'refuted'],
    // A leaflet given to someone, and a guide's page as a heading, are guidance.
    ['The NSPCC leaflet handed to the foster carers says that a hostile teenager is often a frightened one.', 'hypothetical'],
    ['Westshire practice guide, p.9: a parent who is unable to cope at night should be offered a home visit.', 'hypothetical'],
    ['Area threshold guide, p.14: parental drug misuse alone does not meet the threshold for a conference.', 'hypothetical'],
    // "now that" starts a clause of its own: its "has ended" does not deny the label before it.
    ['Who is following up the coercive control now that the injunction has ended?', 'asserted'],
    // A conditional that puts its subject first: "Were M to…", "Should Nathan's father…"
    ['Were Ms Obi to disengage from the midwife, a pre-birth conference would follow.', 'hypothetical'],
    ['Should Kai’s father start drinking heavily again, contact returns to supervised.', 'hypothetical'],
    // …and the subject may be the label itself.
    ['Should parental alienation be raised at the hearing, the guardian will respond in writing.', 'hypothetical'],
    // An insult for a person is about a person, here in someone's quoted words.
    ["Dad's voicemail calls the foster carer 'a vindictive cow'.", 'attributed'],
    // A view in everyday words, a report with no "that" naming someone by role, a summary that calls the family something.
    ['The lollipop man reckons Ms Dale is aggressive at the crossing, though he has never reported it.', 'attributed'],
    ['Caller states partner is controlling and will not let her leave the flat.', 'attributed'],
    ['The health visitor’s transfer note calls the household chaotic.', 'attributed'],
    // A programme or a tool by what it is for is general, not about this family.
    ['Session 4 of the induction programme looks at spotting disguised compliance in two anonymised files.', 'hypothetical'],
    ['The Westgate risk tool is built to pick up coercive patterns that one incident log would miss.', 'hypothetical'],
    ['Tuesday’s reflective session examined how a frightened parent can come across as hostile at the door.', 'hypothetical'],
    ['In today’s session we explored his controlling behaviour towards Ms Lee.', 'asserted'],
    // Casting someone as the label, called wrong; evidence since that it no longer holds.
    ['It would be wrong to call Mr Shah resistant to help.', 'negated'],
    ['The 2023 referral called Mr Dean unstable; his GP’s letter of 04/04/2025 records a full recovery.', 'refuted'],
    ['The school’s earlier note that mum was overly anxious is undermined by the ENT diagnosis in March.', 'refuted'],
    // A heading about someone is not their account; a double negative asserts; an attempt is someone's doing.
    ['Strengths (mother): warm with the baby. Risks (father): aggressive when drunk.', 'asserted'],
    ['I have never seen Mr Ince be anything other than hostile on the phone.', 'asserted'],
    ['The latest complaint about the head is one more malicious attempt by Mr Ford to get her removed.', 'asserted'],
  ])('negation that holds, and refutation: %s', (text, status) => {
    expect(one(text)).toBe(status);
  });

  it.each([
    ['Dad smokes skunk most nights.', 'drug misuse'],
    ['Ms Ford drinks to excess at weekends.', 'alcoholic'],
    ['Mother is inventing Jack’s symptoms.', 'FII'],
    ['He has turned the boys against their mother.', 'parental alienation'],
    ['Crack cocaine use continues.', 'drug misuse'],
    ['Her alienation of the children from their father is the main worry.', 'parental alienation'],
    ['Father cannot manage the twins on his own.', 'unable to cope'],
    // Street words and idioms
    ['Her brother is a known smackhead and stays over most weekends.', 'drug misuse'],
    ['Stepdad got aggro with the receptionist over the wait.', 'aggressive'],
    ['The couple are at loggerheads over every handover.', 'parental acrimony'],
    ['Mum is brainwashing the twins about their dad.', 'parental alienation'],
    ['He pays lip service to the safety plan.', 'disguised compliance'],
    ["She's an alkie, everyone on the estate knows.", 'alcoholic'],
    ['Dad flies off the handle over nothing.', 'volatile'],
    ['He coerced her into dropping the complaint.', 'coercive'],
    ['Mum has been difficult to get hold of all month.', 'hard to reach'],
    ['Mr Aziz has not co-operated with the assessment.', 'uncooperative'],
    ['Nan digs her heels in about the bedtime routine.', 'resistant'],
    ['His control over her bank card is the main worry.', 'controlling'],
    ['Mum phoned the school out of malice.', 'malicious'],
    ['Mr Ross does not recognise the risks to Ellie.', 'lacks insight'],
    ['Stepdad was confrontational at the door.', 'aggressive'],
    ['He was his usual aggressive self at handover.', 'aggressive'],
  ])('labels as verbs and noun phrases: %s', (text, label) => {
    const found = statuses(text);
    expect(found.map((f) => [f[1], f[2]])).toEqual([[label, 'asserted']]);
  });

  it('finds a label with an invisible character inside it, and reports it at its place in the record', () => {
    const text = 'Father is aggres\u00ADsive and con\u200Btrolling.';
    expect(statuses(text)).toEqual([
      ['aggres\u00ADsive', 'aggressive', 'asserted'],
      ['con\u200Btrolling', 'controlling', 'asserted'],
    ]);
  });

  it('names where the cue that decided a status stands in the record', () => {
    const check = tester.check(rules);
    const r = record('Home visit. The neighbour told police last week that Mr Tate is aggressive.', { record_date: '2023-01-01' });
    check.record(r);
    check.finish();
    const [m] = check.sections!().mentions as { status: string; cue: string; cue_span: { start: number; end: number; text: string } }[];
    expect(m.status).toBe('attributed');
    expect(m.cue_span).toEqual({ start: r.text.indexOf('told police'), end: r.text.indexOf('told police') + 'told police'.length, text: 'told police' });
  });
});
