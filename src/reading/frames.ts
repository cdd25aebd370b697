import { allMatches, firstMatch as firstMatchOf } from '../text/terms.ts';

/**
 * Frames: the parts of a sentence that decide whose words a mention is and what the writer does
 * with it, read from the sentence's structure rather than from a window of words.
 *
 * - A **segment** is the stretch of a sentence a mention's own statement runs over: it ends at a
 *   semicolon or a contrast ("but", "however"), and a colon opens a new one for what follows
 *   (a heading before it is not part of the statement), while the elaboration after a colon
 *   still belongs to the statement before it ("The home was chaotic: there were…").
 * - A **reporting frame** is a verb of saying, believing or describing ("told officers that",
 *   "describe her as", "raised concerns about", "denies") whose subject is someone other than
 *   the writer: what follows it in its segment is that person's account, however far away.
 * - A **generic frame** is a sentence about people in general or about training, policy or
 *   research, rather than about this family.
 * - A **refutation** is a sentence that points back at an earlier use ("the earlier description
 *   of…", "the statement that…") and says evidence is against it.
 */

export interface FrameCues {
  boundaries: RegExp | null;
  reporting: RegExp | null;
  /** A court or judge as the subject of a reporting verb: what it found is a finding, not someone's account. */
  courts: RegExp | null;
  /** A speaker's label at the start of a line of minutes ("Chair:", "DSL:", "Ms Reid (mother):"). */
  speakers: RegExp | null;
  writer: RegExp | null;
  voiceResets: RegExp | null;
  policySubjects: RegExp | null;
  genericSubjects: RegExp | null;
  genericMarkers: RegExp | null;
  earlier: RegExp | null;
  against: RegExp | null;
}

export interface Frames {
  /** Starts of hard boundaries (semicolons, contrasts) and colons, in order. */
  boundaries: number[];
  colons: number[];
  /** Reporting verbs whose subject is not the writer: where each starts and ends, and whether a court is the subject (a finding). */
  reports: { start: number; end: number; text: string; finding?: boolean }[];
  /** The speaker's label a line of minutes starts with, if any: what follows is their account. */
  speaker: { start: number; end: number; text: string } | null;
  /** Where the writer takes the voice back ("…, which shows…"). */
  resets: number[];
  /** The sentence is about training, policy, research, or people in general. */
  generic: { start: number; end: number; text: string } | null;
  /** Pointers back at an earlier use, and evidence against it (a refutation needs one of each). */
  earlier: { start: number; text: string }[];
  against: { start: number; text: string }[];
}

const COLON = /:(?!\d)/g;

export function readFrames(sentence: string, cues: FrameCues): Frames {
  const boundaries = [...(cues.boundaries ? allMatches(cues.boundaries, sentence).map((m) => m.index!) : []), ...indexesOf(sentence, ';')].sort(
    (a, b) => a - b,
  );
  const colons = allMatches(COLON, sentence).map((m) => m.index!);
  const reports: Frames['reports'] = [];
  if (cues.reporting) {
    for (const m of allMatches(cues.reporting, sentence)) {
      const start = m.index!;
      if (reportingNoun(sentence, start, m[0])) continue;
      if (cues.writer && byWriter(sentence, start, boundaries, cues.writer)) continue;
      // "HHJ Marsh found that…", "the court accepted…": the subject of the verb, back to the start of its statement.
      const from = Math.max(0, ...boundaries.filter((b) => b < start));
      // (The court as the subject, not inside a phrase: "the officer's report to the court describes…" is the officer's.)
      const court = firstMatch(cues.courts, sentence.slice(from, start));
      const finding = !!court && !/\b(?:to|for|before|in|at|from|with|into|of)\s+$/i.test(sentence.slice(from, from + court.start));
      reports.push({ start, end: start + m[0].length, text: m[0], ...(finding && { finding }) });
    }
  }
  const resets = cues.voiceResets ? allMatches(cues.voiceResets, sentence).map((m) => m.index!) : [];
  const found = (re: RegExp | null) => (re ? allMatches(re, sentence).map((m) => ({ start: m.index!, text: m[0] })) : []);
  const earlier = found(cues.earlier);
  const speaker = speakerOf(sentence, cues.speakers);
  return {
    boundaries,
    colons,
    reports,
    resets,
    speaker,
    generic: genericFrame(sentence, cues),
    earlier,
    against: earlier.length || reports.length ? found(cues.against) : [],
  };
}

/** Reporting words that are as often nouns ("reports", "claims", "records", "accounts"). */
const NOUN_OR_VERB = /^(?:reports?|claims?|records?|accounts?|notes|states)$/i;
/** What stands before such a word when it is a noun: a determiner or possessive, or a verb that handles it ("send reports to"). */
const NOUN_BEFORE =
  /(?:\b(?:the|a|an|his|her|their|its|our|my|your|these|those|any|all|some|no|weekly|monthly|termly|written|send|sent|sends|sending|receive|received|receives|read|reads|write|writes|wrote|see|saw|seen)|['’]s?)\s+$/i;

/** A reporting word used as a noun, not a verb: "we will send reports to his foster carers", "her claims". */
export function reportingNoun(sentence: string, start: number, word: string): boolean {
  // (A noun that states content still gives someone's account: "her claims that…", "reports of…".)
  return (
    NOUN_OR_VERB.test(word) &&
    NOUN_BEFORE.test(sentence.slice(Math.max(0, start - 30), start)) &&
    !/^\s+(?:that|of|from)\b/i.test(sentence.slice(start + word.length))
  );
}

/** Roles of the family that head a section about them as often as they label their words. */
const FAMILY_ROLE = /^(?:mum|mother|dad|father|(?:maternal |paternal )?(?:grandmother|grandfather|grandparents?)|parents?|step-?(?:mum|dad|father|mother))$/i;
/** What follows speaks of the person in the third person. */
const ABOUT_THEM = /^\s*(?:(?:he|she|they|his|her|their|mum|dad|mother|father|nan|grandad|grandma|M|F)\b|(?:Mr|Mrs|Ms|Miss)\s)/i;

/** Who speaks in a note written as dialogue: a parent or grandparent by initials or role. */
const TURN = /^(?:M|F|MGM|MGF|PGM|PGF|mum|dad|mother|father|nan|grandad)$/i;
const INITIALS = /^(?:M|F|MGM|MGF|PGM|PGF)$/i;
/** A heading that says a conversation follows ("Duty call 02/10, 16:10 –", "Phone call with MGM –"). */
const CONVERSATION = /\b(?:call|calls|rang|phoned|conversation|spoke|spoken|transcript|voicemail|chat|discussion|said)\b/i;

/** A speaker's label at the very start of a sentence, ending in a colon ("Chair: …", "Health visitor: …"). */
function speakerOf(sentence: string, speakers: RegExp | null): Frames['speaker'] {
  const m = firstMatch(speakers, sentence);
  // At the start of the line, or after a short heading and a dash when the speaker is named
  // ("Minutes – DS Morrow (Police): …"; but "Parenting capacity – Father: …" is about the father).
  if (!m) return null;
  const lead = sentence.slice(0, m.start);
  const named = /^(?:Mr|Mrs|Ms|Miss|Dr|DC|PC|DS)\b/.test(m.text) || /^\s*\(/.test(sentence.slice(m.start + m.text.length));
  // (Or a turn in a call or meeting written as dialogue, after the note's heading and a dash:
  // "Duty call 02/10/2024, 16:10 – M: I just can't cope…", "Phone call with MGM – MGM: …".)
  // (Only where the heading names a conversation, or the words after the colon are the speaker's
  // own: "Parenting capacity – Father: manipulative, …" is a heading about the father.)
  const dialogue = CONVERSATION.test(lead) || /^\s*:\s*(?:\S+\s+){0,3}?(?:I|I['’]m|I['’]ve|my|me|we|you)\b/i.test(sentence.slice(m.start + m.text.length));
  const turn = TURN.test(m.text) && /^(?:(?!:\s).){1,60}\s[-–—]\s*$/u.test(lead) && dialogue;
  if (lead.trim() !== '' && !(named && /^\s*[\p{L} ]{1,20}\s[-–—]\s*$/u.test(lead)) && !turn) return null;
  // (Initials alone head notes about someone as often as their words: "M: house chaotic, not coping".)
  if (INITIALS.test(m.text) && !dialogue) return null;
  const colon = /^\s*(?:\([^)]{1,40}\))?\s*:/.exec(sentence.slice(m.start + m.text.length));
  // A family member's role before a colon is a heading about them when what follows speaks of
  // them ("Father: Dad remains on remand…", "Mum: she has started…"), not their own words.
  if (colon && FAMILY_ROLE.test(m.text) && ABOUT_THEM.test(sentence.slice(m.start + m.text.length + colon[0].length))) return null;
  return colon
    ? { start: m.start, end: m.start + m.text.length + colon[0].length, text: sentence.slice(m.start, m.start + m.text.length + colon[0].length) }
    : null;
}

/** Every place a character stands in a text. */
export function indexesOf(text: string, ch: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(ch); i !== -1; i = text.indexOf(ch, i + 1)) out.push(i);
  return out;
}

/** True when the reporting verb at `at` has the writer as its subject ("I would describe", "we believe"), not "I was told". */
export function byWriter(sentence: string, at: number, boundaries: number[], writer: RegExp): boolean {
  const from = Math.max(0, ...boundaries.filter((b) => b < at), sentence.lastIndexOf(',', at) + 1);
  const lead = sentence.slice(from, at);
  writer.lastIndex = 0;
  const m = writer.exec(lead);
  writer.lastIndex = 0;
  if (!m) return false;
  // The writer is the subject only when a few words stand between: "I would describe", "I have no
  // hesitation in describing", but not "I was told" (passive: someone else told).
  const between = lead.slice(m.index + m[0].length).trim();
  // ("I am concerned that…", "I am worried that…" are the writer's own, not a passive.)
  const feeling = /^(?:am|are|was|were) (?:\w+ )?$/i.test(`${between} `) && /^(?:worried|concerned|satisfied|clear|sure|confident)\b/i.test(sentence.slice(at));
  return between.split(/\s+/).filter(Boolean).length <= 5 && (feeling || !/\b(?:was|were|been|being|am)\b/i.test(between));
}

/** The segment of the sentence a position belongs to: [start, end). */
export function segmentAt(frames: Frames, length: number, at: number): [number, number] {
  let start = 0;
  let end = length;
  for (const b of frames.boundaries) {
    if (b < at) start = Math.max(start, b);
    else {
      end = Math.min(end, b);
      break;
    }
  }
  // A colon before the position starts its statement; a colon after it does not end it.
  for (const c of frames.colons) if (c < at && c > start) start = c;
  return [start, end];
}

/** The reporting frame a mention stands in: a reporting verb before it in its segment, with no reset of voice between. */
export function reportingFrameOf(
  frames: Frames,
  length: number,
  mentionStart: number,
  shutAway: (at: number) => boolean = () => false,
): Frames['reports'][number] | null {
  const [segStart] = segmentAt(frames, length, mentionStart);
  for (let i = frames.reports.length - 1; i >= 0; i--) {
    const r = frames.reports[i];
    if (r.end > mentionStart || shutAway(r.start)) continue;
    // The verb may stand before a colon that introduces what was said ("Mr X said: …").
    const colonBetween = frames.colons.some((c) => c >= r.end && c < mentionStart);
    if (r.start < segStart && !(colonBetween && !frames.boundaries.some((b) => b > r.start && b < mentionStart))) continue;
    if (frames.resets.some((p) => p > r.end && p < mentionStart)) continue;
    return r;
  }
  return null;
}

function genericFrame(sentence: string, cues: FrameCues): Frames['generic'] {
  const policy = firstMatch(cues.policySubjects, sentence);
  // Training, policy or research as the subject of the sentence (before its first verb-like word).
  if (policy && policy.start < 60 && !/\b(?:I|we|Mr|Mrs|Ms|Miss)\b/.test(sentence.slice(0, policy.start))) {
    return { start: policy.start, end: policy.start + policy.text.length, text: policy.text };
  }
  const generic = firstMatch(cues.genericSubjects, sentence);
  if (generic && generic.start === 0) {
    const marker = firstMatch(cues.genericMarkers, sentence);
    if (marker) return { start: 0, end: marker.start + marker.text.length, text: `${generic.text} … ${marker.text}` };
  }
  return null;
}

/** The refutation a mention stands in: a pointer back and evidence against, neither shut away from it. */
export function refutationOf(frames: Frames, shutAway: (at: number) => boolean): { start: number; end: number; text: string } | null {
  const earlier = frames.earlier.find((e) => !shutAway(e.start));
  const against = earlier && frames.against.find((a) => !shutAway(a.start));
  if (!earlier || !against) return null;
  const [first, last] = earlier.start <= against.start ? [earlier, against] : [against, earlier];
  return { start: first.start, end: last.start + last.text.length, text: `${earlier.text} … ${against.text}` };
}

/** The first match of a (possibly global) regex, leaving it ready for the next use. */
export const firstMatch = firstMatchOf;
