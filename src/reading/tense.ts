import { matches, termPattern, wholeWord } from '../text/terms.ts';

/**
 * Time of a statement: whether words that name a state ("Dad's drinking", "the foster carers",
 * "his caution for assault") are used of the present. A record written after a negative test
 * that says "Dad's drinking means he cannot do bedtimes" takes the drinking as current; one that
 * says "Dad's drinking was the reason for the referral" speaks of the past.
 *
 * Read within the stretch of the sentence that holds the words (up to a comma, semicolon, colon,
 * bracket or dash):
 * - a word of the past anywhere in the stretch ("was", "had", "previously", "former", "no
 *   longer") puts them in the past ("given his past drinking", "he was placed with foster carers");
 * - otherwise a premise before them ("Given…", "Because of…", "With…", "Until…") or a word of the
 *   present or future in the stretch ("is", "means", "will", "cannot", "remains") makes them
 *   current; a stretch with neither (a heading, a list item) says nothing of time.
 */
export interface TenseWords {
  /** Words that take what follows as a given: given, because of, due to, with, until. */
  premise?: string[];
  /** Words of the past: was, were, had, did, used to, previously, former, historic, ago. */
  past?: string[];
  /** Words of the present or future: is, are, means, will, cannot, remains, continues, lives. */
  present?: string[];
  /** Headings of a list of what holds now ("Risks:", "Current concerns:"): an item under one is current. */
  headings?: string[];
  /** Verbs of a plan's action item ("SW to refer…", "Mum to attend…"): words inside one are spoken of as now. */
  actions?: string[];
}

const list = { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 };

export const TENSE_SECTION_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  description: 'Words that tell whether a state is spoken of as current (for `current` claims of staleness rules); lists from every pack are joined.',
  properties: {
    premise: { ...list, description: 'Words that take what follows as a given: given, because of, due to, with, until.' },
    past: { ...list, description: 'Words that put a statement in the past: was, were, had, previously, former, ago.' },
    present: { ...list, description: 'Words that put a statement in the present or future: is, are, means, will, cannot, remains.' },
    headings: {
      ...list,
      description:
        'Headings of a list of what holds now ("Risks", "Current concerns", "What we are worried about"): an item after one and its colon is current.',
    },
    actions: {
      ...list,
      description:
        'Verbs of a plan\'s action items ("SW to refer Ms Barton to a parenting course", "Wes to chase Housing Options"): words after someone, "to" and one of these verbs, in the same item, are current.',
    },
  },
};

/** Where a clause is joined to the one holding the words. */
const JOINED = /\s(?:and|but|or|while|whilst|because|when|where|which|who|that|so|although|though|since)\s/i;

/** "had" in the present perfect ("has had no education", "have not had"): a word of the present, not of the past. */
const PERFECT_HAD = /\b(ha(?:s|ve)(?:n['’]t|\s+not|\s+never)?)\s+had\b/gi;
const withoutPerfect = (text: string) => text.replace(PERFECT_HAD, '$1 got');

/**
 * A conjunction before the words that starts a clause with its own subject: the time of the clause
 * before it is that clause's. ("He was drinking and using cocaine" shares its "was".)
 */
const JOINED_BEFORE = /\s(?:and|but|while|whilst|whereas|although|though|so)\s+(?=(?:the|his|her|their|its|this|he|she|they|it|Mr|Mrs|Ms|Miss)\s)/giu;

/** Where a stretch of a sentence ends: punctuation that separates clauses. */
const STRETCH_END = /[,;:()–—]|\s-\s/g;

/** The start of an item and up to three words before words that are its subject ("Mason's reduced timetable…"). */
const ITEM_SUBJECT = /(?:^|[\n;:•*]|\.\s)\s*(?:[\p{L}'’.-]+\s+){0,3}$/u;

/** The past perfect, then "until" (not "until now"): a state that ended. */
const HAD_UNTIL = /\bhad\b(?:(?!\b(?:and|but|while|whereas)\b)[^,;:])*?\buntil\b(?!\s+(?:now|today|recently|this week)\b)/i;

/** A colon straight after the words (or after whose they are, in brackets, and a colon or a dash: "alcohol misuse (father) - high"), and the value of the field they name. */
const FIELD_VALUE = /^\s*(?::|\([^()\n]{1,30}\)\s*(?::|[-–—]))[ \t]*([^\n;]+)/;
/** A field's value that says there is nothing to record. */
const EMPTY_VALUE = /^(?:none|nil|no|n\/a|na|not applicable|not known|unknown|not recorded|none known|none identified|-|–)\b|^[-–.]+\s*$/i;

export class TenseReader {
  private readonly premise: RegExp | null;
  private readonly pastWords: RegExp | null;
  private readonly present: RegExp | null;
  private readonly headings: RegExp | null;
  private readonly headingLine: RegExp | null;
  private readonly action: RegExp | null;
  private readonly actionAfter: RegExp | null;

  constructor(sections: TenseWords[]) {
    const join = (key: keyof TenseWords) => [...new Set(sections.flatMap((s) => s[key] ?? []))];
    const compile = (terms: string[]) =>
      terms.length
        ? wholeWord(
            [...terms]
              .sort((a, b) => b.length - a.length)
              .map(termPattern)
              .join('|'),
          )
        : null;
    this.premise = compile(join('premise'));
    this.pastWords = compile(join('past'));
    this.present = compile(join('present'));
    const headings = join('headings');
    this.headings = headings.length
      ? new RegExp(
          `(?:^|[\\n.;/|:])\\s*(?:${headings.map(termPattern).join('|')})(?:\\s+(?:discussed|identified|noted|considered|include|includes|today|now))?\\s*[:–—-]\\s*$`,
          'iu',
        )
      : null;
    // An action item: its start (a line, a list mark, a colon or a full stop), up to six words
    // naming who is to act, "to" (perhaps "continue to") and a verb of the list, then the rest of
    // the item up to the words.
    const actions = join('actions');
    this.action = actions.length
      ? new RegExp(
          `(?:^|[\\n;:•*]|\\.\\s|\\s[-–]\\s)\\s*(?:[\\p{L}'’./&]+\\s+){1,6}?to\\s+(?:(?:continue|keep)\\s+(?:to\\s+)?)?(?:${actions.map(termPattern).join('|')})(?![\\p{L}])[^;\\n]*$`,
          'u',
        )
      : null;
    // …or the words as the subject of one ("Mason's reduced timetable at the PRU to be reviewed").
    this.actionAfter = actions.length
      ? new RegExp(`^[^;\\n.:]{0,40}?\\sto\\s+(?:(?:continue|keep)\\s+(?:to\\s+)?)?(?:${actions.map(termPattern).join('|')})(?![\\p{L}])`, 'u')
      : null;
    this.headingLine = headings.length ? new RegExp(`^\\s*(?:${headings.map(termPattern).join('|')})(?![\\p{L}])[^:\\n]{0,60}:\\s*$`, 'iu') : null;
  }

  /** Whether the stretch around the words at [start, end) speaks only of the past: a word of the past and none of the present ("when the family were living in one room"). */
  past(sentence: string, start: number, end: number): boolean {
    const [from, to] = this.ownStretch(sentence, start, end);
    const stretch = sentence.slice(from, to);
    // A state that went on until a time, told in the past perfect, ended then ("Gareth had been
    // drinking daily until the autumn"), whatever words of habit it holds.
    if (HAD_UNTIL.test(stretch)) return true;
    return matches(this.pastWords, withoutPerfect(stretch)) && !matches(this.present, stretch);
  }

  /** The stretch, starting after a clause joined before the words that has its own subject ("Mr Tulloch was arrested and the investigation is still ongoing"). */
  private ownStretch(sentence: string, start: number, end: number): [number, number] {
    const [from, to] = this.stretch(sentence, start, end);
    const joined = [...sentence.slice(from, start).matchAll(JOINED_BEFORE)].pop();
    return [joined ? from + joined.index! + joined[0].length : from, to];
  }

  private stretch(sentence: string, start: number, end: number): [number, number] {
    let from = 0;
    let to = sentence.length;
    let skipTo = -1;
    for (const m of sentence.matchAll(STRETCH_END)) {
      if (m.index! < skipTo) continue;
      if (m.index! + m[0].length <= start) from = m.index! + m[0].length;
      else if (m.index! >= end) {
        // A short aside in brackets straight after the words is part of their stretch: "CPP
        // (neglect) in place", "Dad's drinking (daily, per Mum) continues".
        const aside = m[0] === '(' && /^\s*$/.test(sentence.slice(end, m.index!)) ? /^\([^()\n]{1,40}\)/.exec(sentence.slice(m.index!)) : null;
        if (aside) {
          skipTo = m.index! + aside[0].length;
          continue;
        }
        to = m.index!;
        break;
      }
    }
    return [from, to];
  }

  /**
   * Whether the words at [start, end) of a sentence are spoken of as current. `heading` is the
   * line a list item stands under, if any ("Risks on the plan (reviewed, no changes):").
   */
  /**
   * Where words ending at `end` name a form's field and a value follows ("Parental substance
   * misuse: mother - cannabis, daily"), the end of that value in the sentence (to a semicolon or
   * the line's end): the form says it holds. Null for an empty value ("none", "nil", "n/a") or
   * one in the past.
   */
  fieldValue(sentence: string, end: number): number | null {
    const field = FIELD_VALUE.exec(sentence.slice(end));
    if (!field || EMPTY_VALUE.test(field[1]) || matches(this.pastWords, field[1])) return null;
    return end + field[0].length;
  }

  current(sentence: string, start: number, end: number, heading?: string): boolean {
    const [from, to] = this.ownStretch(sentence, start, end);
    const before = sentence.slice(from, start);
    const stretch = sentence.slice(from, to);
    // A word of the past in a clause joined after them is that clause's ("…means he is home by
    // lunchtime and Ms Malone cannot take up the place she was offered").
    const joined = JOINED.exec(sentence.slice(end, to));
    if (matches(this.pastWords, withoutPerfect(sentence.slice(from, joined ? end + joined.index : to)))) return false;
    if (matches(this.premise, before) || matches(this.present, stretch)) return true;
    // The words name a form's field, and a value follows ("Parental substance misuse: mother -
    // cannabis, daily"): the form says what holds (not "none", "nil" or "n/a", and not in the past).
    if (this.fieldValue(sentence, end) !== null) return true;
    // An item of a list headed as what holds now ("Risks: Mum's heroin dependency; …").
    if (this.headings?.test(sentence.slice(0, from))) return true;
    // …or inside an action item of a plan ("SW to refer Ms Barton to a parenting course").
    if (this.action?.test(sentence.slice(0, start))) return true;
    if (this.actionAfter?.test(sentence.slice(end)) && ITEM_SUBJECT.test(sentence.slice(0, start))) return true;
    // …or standing on its own line under such a heading, which may say more before its colon.
    if (heading && this.headingLine?.test(heading) && !matches(this.pastWords, heading)) return true;
    // A stretch with no word of time may be a subject cut off by an apposition ("Her care
    // coordinator, Jo, will let us know…"): the time is in the stretches that follow it.
    const rest = sentence.slice(to);
    const next = rest
      .split(/[;:()–—]|\s-\s/)[0]
      .split(',')
      .slice(0, 3)
      .join(',');
    return !matches(this.pastWords, next) && matches(this.present, next);
  }
}
