import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { TenseReader, type TenseWords } from './tense.ts';

const pack = parse(readFileSync(new URL('../../rules/staleness.yaml', import.meta.url), 'utf8')) as { tense: TenseWords };
const reader = new TenseReader([pack.tense]);
const current = (sentence: string, words: string) => {
  const at = sentence.indexOf(words);
  if (at === -1) throw new Error(`"${words}" is not in "${sentence}"`);
  return reader.current(sentence, at, at + words.length);
};

describe('tense: whether a state is spoken of as current', () => {
  it.each([
    ["Owing to her partner's drinking, the children stay with their nan at weekends.", 'drinking'],
    ["Mr Ade's caution for criminal damage means he cannot volunteer at the school.", 'caution'],
    ['While Darren is living in the household the plan cannot step down.', 'living in the household'],
    ["Erin's foster family will bring her to the review.", 'foster family'],
    ['The case remains open because of concerns about drug use in the flat.', 'drug use'],
    // An item of a list headed as what holds now.
    ["CIN plan.\nRisks: Dad's cocaine use; the damp in the back bedroom.", 'cocaine use'],
    // …a heading that says the risks were discussed, and a form's status field among others on one line.
    ["Supervision. Main risks discussed: Mum's heroin use at weekends.", 'heroin use'],
    ['Child: Ava Lee / Legal status: interim care order / Placement: Mr and Mrs Hale', 'interim care order'],
    // (The past of a clause joined after it is that clause's.)
    ["Leo's part-time timetable means he is at home most afternoons and his mum turned down the shifts she was offered.", 'part-time timetable'],
    // A form's field named by the words, with a value; and a status field such as "Housing:".
    ['Drug use: father - crack cocaine most weekends.', 'Drug use'],
    ['Accommodation: homeless, staying with an aunt.', 'homeless'],
    // Inside an action item of a plan, however the one to act is named.
    ['Plan: Wes to chase Housing Options for a homeless assessment so they have somewhere to go.', 'homeless assessment'],
    ["CIN review. Ms Lane's family support worker to book her homeless assessment interview.", 'homeless assessment'],
    ['Outcome - Dad to continue to attend his CMHT appointments.', 'CMHT appointments'],
    ["Kyle's reduced timetable at the PRU to be reviewed at half-term.", 'reduced timetable'],
    ['Domestic abuse (mother) - medium; drug use (father) - high.', 'drug use'],
    // A short aside in brackets between the words and their time.
    ['Safeguarding: CP plan (emotional abuse) in place, SW on leave.', 'CP plan'],
    ["Dad's drinking (most nights, by Mum's account) continues.", 'drinking'],
    // The present perfect, and a "since" that dates when it began; a past clause before one with its own subject.
    ['Ellis has had no education since the family moved last summer.', 'no education'],
    ['Mr Pike was interviewed in January and the police investigation remains open.', 'police investigation'],
  ])('current: %s', (sentence, words) => {
    expect(current(sentence, words)).toBe(true);
  });

  it.each([
    ["Her partner's drinking was the reason for the first referral in 2019.", 'drinking'],
    ['Given his historic drug use, a hair-strand test was requested.', 'drug use'],
    ['He was placed with his foster carers after the fire.', 'foster carers'],
    ['Drinking is no longer a feature of her day, by her account and the nursery’s.', 'Drinking'],
    // A heading or a list item says nothing of time.
    ['Substance use', 'Substance use'],
    // A field with nothing in it, or with the past in it.
    ['Drug use: none known.', 'Drug use'],
    ['Drug use: n/a', 'Drug use'],
    ['Drug use: previously heroin, abstinent since 2019.', 'Drug use'],
    // An action of the past, and "to" that starts no action item.
    ['Ms Lane was to chase her homeless assessment in the summer.', 'homeless assessment'],
    ['We went to the homeless assessment together.', 'homeless assessment'],
    // (A verb that shares the past clause's subject and "was" shares its time.)
    ['He was drinking heavily and using cocaine daily.', 'using cocaine'],
    ['Jago had no education until he was placed at Oakfield.', 'no education'],
    // (An aside longer than a few words ends the stretch as before.)
    ["Dad's drinking (which Mum described at length in her statement to the court in May) continues.", 'drinking'],
  ])('not current: %s', (sentence, words) => {
    expect(current(sentence, words)).toBe(false);
  });

  it('tells a stretch that speaks only of the past', () => {
    const past = (sentence: string, words: string) => {
      const at = sentence.indexOf(words);
      return reader.past(sentence, at, at + words.length);
    };
    expect(past('When the family were living in a single room, the children slept in one bed.', 'single room')).toBe(true);
    expect(past('The family are still living in a single room.', 'single room')).toBe(false);
    expect(past('The family has been living in a single room since March.', 'single room')).toBe(false);
    // The past perfect up to a time: over, whatever words of habit it holds (not "until now").
    expect(past('Gareth had been drinking daily until the autumn.', 'drinking daily')).toBe(true);
    expect(past('She had used cannabis every day until her arrest in May.', 'cannabis every day')).toBe(true);
    expect(past('He had been drinking daily until now, by his own account.', 'drinking daily')).toBe(false);
    expect(past('Gareth drinks daily and will until someone stops him.', 'drinks daily')).toBe(false);
  });
});

describe("tense: a form's field and its value", () => {
  it("gives where the value of a field named by the words ends, at a semicolon or the line's end", () => {
    const line = 'Parental alcohol misuse: YES - mother drinking daily; Domestic abuse: NO';
    const end = line.indexOf(':');
    expect(line.slice(0, reader.fieldValue(line, end)!)).toBe('Parental alcohol misuse: YES - mother drinking daily');
    expect(reader.fieldValue('Alcohol misuse: nil', 'Alcohol misuse'.length)).toBeNull();
    expect(reader.fieldValue('Alcohol misuse and the children', 'Alcohol misuse'.length)).toBeNull();
  });
});

describe('tense: a list item under a heading on its own line', () => {
  const item = "• Dad's cannabis use around the baby";
  const at = item.indexOf('cannabis use');
  it('is current under a heading of what holds now, which may say more before its colon', () => {
    expect(reader.current(item, at, at + 'cannabis use'.length, 'Risks on the plan (agreed at conference, unchanged):')).toBe(true);
    expect(reader.current(item, at, at + 'cannabis use'.length)).toBe(false);
  });
  it('is not under a heading of the past, nor under any other heading', () => {
    expect(reader.current(item, at, at + 'cannabis use'.length, 'Risks that were identified in 2021:')).toBe(false);
    expect(reader.current(item, at, at + 'cannabis use'.length, 'Background to the referral:')).toBe(false);
  });
});
