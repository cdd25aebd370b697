import { excerpt, sentenceAt, splitSentences } from '../../reading/sentences.ts';
import { termPattern, allMatches } from '../../text/terms.ts';
import { TextGates, type Gate } from '../../text/text-gates.ts';
import { wholeWordAlternation } from '../../text/alternatives.ts';
import { attachment, type Attachment } from '../../reading/sense.ts';
import { decide, readSentence, type CompiledCues, type Neighbour, type SentenceCues, type Status } from '../../reading/assertion.ts';
import { runSteps, STEP_ITEMS, type Steps } from '../../model/steps.ts';

/** One label found in a record, with the status the assertion engine gave it. */
export interface Mention {
  label: string;
  start: number;
  end: number;
  text: string;
  status: Status;
  cue: string | null;
  /** Where the cue is in the text (null for asserted, or when it cannot be placed). */
  cueSpan: { start: number; end: number } | null;
}

/** Characters that do not show but split a word: soft hyphen, zero-width space and joiners, word joiner, BOM. */
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/;

/** A sentence reporting an independent source's result against a label (a negative test). */
export interface ContraryEvidence {
  label: string;
  start: number;
  end: number;
  text: string;
  cue: string;
  /** The sentence that carries it, shortened for messages. */
  sentence: string;
}

export interface LabelForms {
  label: string;
  forms: string[];
  /** Phrases holding a form that are not the label ("non-alcoholic drinks", "unstable housing"). */
  exclusions?: string[];
  contrary_sources?: string[];
  /** "a person": the label describes people only, never what is theirs (a home, a plan). */
  about?: 'a person' | 'a person or theirs';
}

/** A possessive straight before a mention: "Mr Dacre's ", "her ". */
const OWNED_BEFORE = /(?:\p{L}['’]s|(?<![\p{L}])(?:his|her|their))\s+$/u;

/** A relative clause that describes someone as very much so, just before a mention: "a mother who is so ", "a dad who is always " (not "a parent who is hostile?", an open question). */
const DESCRIBED_BEFORE =
  /(?<![\p{L}])(?:mother|father|mum|dad|parent|parents|man|woman|carer|partner|grandmother|grandfather|nan|family|couple)\s+who\s+(?:is|are|was|were|has been|have been|seems|appears|remains|can be)\s+(?:so|very|really|always|clearly|such an?|that)\s+$/iu;

/**
 * Whether a question or a plan takes a label as given though its cue supposes: a label that
 * describes a person in passing ("how do we work with a hostile father?"), or what is theirs
 * named as theirs ("Mr Vane's aggressive streak?", "…about Mr Dacre's controlling behaviour?"),
 * or an intensified description ("…a mother who is so overly anxious about every cough?").
 * `before` is the text just before the mention.
 */
function takenAsGiven(attached: Attachment | null, judged: { status: string; cue: string | null }, sentence: string, before: string): boolean {
  if (judged.status !== 'hypothetical') return false;
  if (attached?.attributive && !attached.generic && (attached.kind === 'person' || (attached.kind === 'personal' && attached.definite)))
    if (judged.cue === '?' || attached.definite) return true;
  const question = judged.cue === '?' || /\?\s*$/.test(sentence);
  return question && (OWNED_BEFORE.test(before) || DESCRIBED_BEFORE.test(before));
}

/** All labels' forms compiled into one whole-word regex; the longest form wins. */
export class LabelMatcher {
  private readonly regex: RegExp;
  private readonly phrases: RegExp | null;
  /** Admits a text that could hold a pattern form. */
  private readonly phraseGate: Gate;
  private readonly contrary: { label: string; regex: RegExp; gate: Gate }[];
  private readonly byForm = new Map<string, string>();
  private readonly compiled: { label: string; re: RegExp }[];
  private readonly exclusions: RegExp | null;
  /** Labels that describe people only. */
  private readonly peopleOnly: Set<string>;
  /** Admits a text that could hold a form. */
  private readonly formGate: Gate;
  /** Admits a text that could hold a contrary cue (each contrary source has its own gate too). */
  private readonly contraryCueGate: Gate;
  /** One-word forms of eight letters or more, by their skeleton, for misspellings ("agressive", "manipulitive"). */
  private readonly bySkeleton = new Map<string, { form: string; label: string }[]>();
  /** The first letters of those forms: a word starting otherwise is passed over at once. */
  private readonly initials = new Set<string>();
  /** Misspellings met so far, and the label each is a form of. */
  private readonly misspelt = new Map<string, string>();

  constructor(
    labels: LabelForms[],
    private readonly cues: CompiledCues,
    gates: TextGates = new TextGates(),
  ) {
    const all: { form: string; label: string }[] = labels.flatMap((l) => l.forms.map((form) => ({ form, label: l.label })));
    all.sort((a, b) => b.form.length - a.form.length);
    for (const { form, label } of all) this.byForm.set(normaliseForm(form), label);
    this.compiled = labels.map((l) => ({ label: l.label, re: new RegExp(`^(?:${l.forms.map(formSource).join('|')})$`, 'iu') }));
    // Terms in one alternation, patterns (verb and noun phrases) in another with a gate of its own:
    // a pattern such as "uses … cocaine" would otherwise be tried at every place of every text that
    // holds any term.
    const whole = (forms: { form: string }[]) => wholeWordAlternation(forms.map((a) => formSource(a.form)));
    const patterns = all.filter((a) => isPatternForm(a.form));
    this.regex = whole(all.filter((a) => !isPatternForm(a.form)));
    this.phrases = patterns.length ? whole(patterns) : null;
    this.phraseGate = gates.forRegex(this.phrases);
    this.peopleOnly = new Set(labels.filter((l) => l.about === 'a person').map((l) => l.label));
    const excluded = labels.flatMap((l) => l.exclusions ?? []);
    this.exclusions = excluded.length ? wholeWordRegex(excluded) : null;
    this.contrary = labels
      .filter((l) => l.contrary_sources?.length)
      .map((l) => {
        const regex = wholeWordAlternation(l.contrary_sources!.map(termPattern));
        return { label: l.label, regex, gate: gates.forRegex(regex) };
      });
    this.formGate = gates.forRegex(this.regex);
    this.contraryCueGate = gates.forRegex(cues.contrary);
    for (const { form, label } of all) {
      if (isPatternForm(form) || !LONG_WORD_ONLY.test(form)) continue;
      const key = skeleton(form.toLowerCase());
      const list = this.bySkeleton.get(key) ?? [];
      list.push({ form: form.toLowerCase(), label });
      this.bySkeleton.set(key, list);
      this.initials.add(form[0].toLowerCase());
    }
  }

  private labelOf(text: string): string {
    return this.misspelt.get(text.toLowerCase()) ?? this.byForm.get(normaliseForm(text)) ?? this.compiled.find((c) => c.re.test(text))!.label;
  }

  /**
   * Words of eight letters or more that are one slip from a one-word form of one label (a letter
   * left out, doubled, swapped with the next, or changed: "agressive", "manipulitive"), starting
   * with the same letter, and no form themselves. Found by the form's skeleton (its letters with
   * doubles and vowels after the first dropped), then checked letter by letter, so "unsuitable"
   * (two letters from "unstable") is not "unstable".
   */
  private misspellings(text: string): RegExpExecArray[] {
    if (!this.bySkeleton.size) return [];
    const out: RegExpExecArray[] = [];
    for (const m of text.matchAll(LONG_WORD)) {
      if (!this.initials.has(m[0][0].toLowerCase())) continue;
      // A whole word only: not part of a longer one, a hyphenated one or one with an accent.
      const at = m.index!;
      if ((at > 0 && WORD_CHAR.test(text[at - 1])) || WORD_CHAR.test(text[at + m[0].length] ?? ' ')) continue;
      const word = m[0].toLowerCase();
      if (this.byForm.has(word)) continue;
      const candidates = this.bySkeleton.get(skeleton(word));
      if (!candidates) continue;
      // (A skeleton keeps the first letter, so every candidate starts as the word does.)
      const near = candidates.filter((c) => oneSlip(word, c.form));
      if (!near.length || near.some((c) => c.label !== near[0].label)) continue;
      this.misspelt.set(word, near[0].label);
      out.push(Object.assign([m[0]], { index: m.index!, input: text, groups: undefined }) as RegExpExecArray);
    }
    return out;
  }

  /**
   * Every label mention in a text with its status, and every sentence of contrary evidence.
   * Invisible characters inside a word ("aggres\u00ADsive") do not hide a label: the text is read
   * without them and the offsets are mapped back.
   */
  read(text: string): { mentions: Mention[]; contrary: ContraryEvidence[] } {
    return runSteps(this.readInSteps(text));
  }

  /** read() in steps: one between passes over the text, and every few thousand matches. */
  *readInSteps(text: string): Steps<{ mentions: Mention[]; contrary: ContraryEvidence[] }> {
    if (!INVISIBLE.test(text)) return yield* this.readVisible(text);
    const kept: number[] = [];
    let visible = '';
    for (let i = 0; i < text.length; i++) {
      if (INVISIBLE.test(text[i])) continue;
      kept.push(i);
      visible += text[i];
    }
    kept.push(text.length);
    const start = (p: number) => kept[p];
    const end = (p: number) => (p === 0 ? 0 : kept[p - 1] + 1);
    yield;
    const read = yield* this.readVisible(visible);
    return {
      mentions: read.mentions.map((m) => ({
        ...m,
        start: start(m.start),
        end: end(m.end),
        text: text.slice(start(m.start), end(m.end)),
        cueSpan: m.cueSpan && { start: start(m.cueSpan.start), end: end(m.cueSpan.end) },
      })),
      contrary: read.contrary.map((c) => ({ ...c, start: start(c.start), end: end(c.end), text: text.slice(start(c.start), end(c.end)) })),
    };
  }

  private *readVisible(text: string): Steps<{ mentions: Mention[]; contrary: ContraryEvidence[] }> {
    // Most records hold no label at all: one scan for the literals the forms need is far cheaper
    // than the regular expressions, which then run only where a form or a contrary cue could match.
    const maybeTerm = this.formGate.admits(text);
    const maybePhrase = this.phrases !== null && this.phraseGate.admits(text);
    const misspelt = this.misspellings(text);
    const maybeForm = maybeTerm || maybePhrase || misspelt.length > 0;
    const contraries = this.contrary.length && this.contraryCueGate.admits(text) ? this.contrary.filter((c) => c.gate.admits(text)) : [];
    const maybeContrary = contraries.length > 0;
    if (!maybeForm && !maybeContrary) return { mentions: [], contrary: [] };
    yield;
    const excluded = maybeForm && this.exclusions ? allMatches(this.exclusions, text).map((m) => [m.index!, m.index! + m[0].length]) : [];
    yield;
    const phrases = maybePhrase ? allMatches(this.phrases!, text) : [];
    yield;
    const found = [...(maybeTerm ? allMatches(this.regex, text) : []), ...phrases, ...misspelt];
    yield;
    if ((maybeTerm && maybePhrase) || misspelt.length) found.sort((a, b) => a.index - b.index || b[0].length - a[0].length);
    // Where a term and a phrase overlap ("cocaine user" in "crack cocaine user"), the first and longest stands.
    const hits = found.filter(
      (m, i) => !excluded.some(([a, b]) => a <= m.index! && m.index! + m[0].length <= b) && !found.slice(0, i).some((o) => o.index + o[0].length > m.index),
    );
    yield;
    const contraryHits = maybeContrary ? contraries.flatMap((c) => allMatches(c.regex, text).map((m) => ({ label: c.label, m }))) : [];
    if (!hits.length && !contraryHits.length) return { mentions: [], contrary: [] };
    yield;
    const sentences = splitSentences(text);
    yield;
    const cache = new Map<number, SentenceCues>();
    const cuesOf = (i: number) => {
      let c = cache.get(i);
      if (!c) cache.set(i, (c = readSentence(sentences[i].text, this.cues)));
      return c;
    };
    const neighbours = (i: number): Neighbour[] =>
      [i - 1, i - 2, i + 1]
        .filter((j) => j >= 0 && j < sentences.length && sentences[j].paragraph === sentences[i].paragraph)
        .map((j) => ({
          position: j < i ? ('before' as const) : ('after' as const),
          distance: Math.abs(j - i),
          offset: sentences[j].start - sentences[i].start,
          cues: cuesOf(j),
        }));
    const judge = (start: number, end: number) => {
      const i = sentenceAt(sentences, start);
      const s = sentences[i];
      const decision = decide({ start: start - s.start, end: end - s.start }, cuesOf(i), s.text, neighbours(i), this.cues);
      const cueSpan = decision.cueAt ? { start: s.start + decision.cueAt.start, end: s.start + decision.cueAt.end } : null;
      return { i, decision, cueSpan };
    };

    const mentions: Mention[] = [];
    const contrary: ContraryEvidence[] = [];
    let n = 0;
    for (const m of hits) {
      if (++n % STEP_ITEMS === 0) yield;
      const start = m.index!;
      const end = start + m[0].length;
      // A label word about a thing ("aggressive treatment", "the wardrobe was unstable") is not a mention.
      // A phrase form ("drinks to excess", "uses cocaine") says what a person does, so it is not read for sense.
      const at = sentences[sentenceAt(sentences, start)];
      // An abbreviation the text spells out as something else ("franked investment income (FII)").
      if (spelledOutOtherwise(text, start, end, hits)) continue;
      const attached = phrases.includes(m) ? null : attachment(at.text, start - at.start, end - at.start, this.cues.sense);
      if (attached?.kind === 'thing') continue;
      const label = this.labelOf(m[0]);
      // (A label of people only, said of what is someone's: "Ms B's flat is hard to reach by bus".)
      if (attached?.kind === 'personal' && this.peopleOnly.has(label)) continue;
      const { i, decision: judged, cueSpan } = judge(start, end);
      // A label about people in general ("families who become disengaged") is not about this family.
      // A question or a plan takes for granted a label that describes someone in passing: "how do we
      // work with a hostile father?", "we should visit the aggressive father together" (but not "if
      // an aggressive parent arrives…", which is anyone).
      const decision =
        attached?.generic && judged.status === 'asserted'
          ? { ...judged, status: 'hypothetical' as const, cue: `people in general: ${attached.generic}` }
          : takenAsGiven(attached, judged, at.text, text.slice(Math.max(0, start - 40), start))
            ? { status: 'asserted' as const, cue: null, cueAt: undefined }
            : judged;
      // (An asserted mention has no cue to show.)
      mentions.push({ label, start, end, text: m[0], status: decision.status, cue: decision.cue, cueSpan: decision.cue === null ? null : cueSpan });
      // A label negated where the sentence or its neighbours name a source ("Dr Khan's report of
      // 24/06/2022 … There is no evidence of FII"), or in an outcome ("found to be unsubstantiated").
      if (decision.status === 'negated' || decision.status === 'refuted') {
        const own = cuesOf(i);
        const source =
          (decision.status === 'refuted' ? decision.cue : null) ?? own.source ?? neighbours(i).find((n) => n.cues.source)?.cues.source ?? own.contrary;
        if (source && !contrary.some((c) => c.label === label))
          contrary.push({ label, start, end, text: m[0], cue: source, sentence: excerpt(sentences[i].text) });
      }
    }
    for (const { label, m } of contraryHits) {
      if (++n % STEP_ITEMS === 0) yield;
      const start = m.index!;
      const { i, decision } = judge(start, start + m[0].length);
      const own = cuesOf(i);
      // The source must report a contrary result, and not in a conditional ("if the test is negative").
      if (own.contrary && decision.status !== 'hypothetical' && decision.status !== 'negated') {
        // One piece of contrary evidence per label and record is enough for the chronology.
        if (!contrary.some((c) => c.label === label)) {
          contrary.push({ label, start, end: start + m[0].length, text: m[0], cue: own.contrary, sentence: excerpt(sentences[i].text) });
        }
      }
    }
    return { mentions, contrary };
  }
}

/** A form that is one word of eight letters or more, and such words in a text. */
const LONG_WORD_ONLY = /^[A-Za-z]{8,}$/;
/** (Plain letters: the forms are, and a scan for them is five times quicker than for any letter.) */
const LONG_WORD = /[A-Za-z]{8,}/g;
const WORD_CHAR = /[\p{L}\p{N}_'’-]/u;

/** A word's letters with doubled letters made single and vowels after the first dropped: "aggressive" and "agressive" → "agrsv". */
function skeleton(word: string): string {
  let out = word[0];
  for (let i = 1; i < word.length; i++) {
    const c = word[i];
    if (c !== word[i - 1] && !VOWELS.has(c)) out += c;
  }
  return out;
}
const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

/** Whether two different words are one slip apart: a letter left out or added, changed, or two next to each other swapped. */
function oneSlip(a: string, b: string): boolean {
  if (a === b) return false;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  const [longer, shorter] = a.length > b.length ? [a, b] : [b, a];
  return longer.slice(i + 1) === shorter.slice(i);
}

function wholeWordRegex(terms: string[]): RegExp {
  return wholeWordAlternation([...terms].sort((a, b) => b.length - a.length).map(termPattern));
}

/** A form as regex source: a /regular expression/ as written (verb and noun phrases: "uses cocaine", "drinks to excess"), anything else as a term. */
const isPatternForm = (form: string) => /^\/.+\/$/.test(form);

export function formSource(form: string): string {
  const m = /^\/(.+)\/$/.exec(form);
  return m ? m[1] : termPattern(form);
}

function normaliseForm(text: string): string {
  return text.toLowerCase().replace(/[-\s]+/g, ' ');
}

/**
 * Whether a label's abbreviation stands in brackets after the words it abbreviates there, and
 * those words are not the label ("franked investment income (FII)", not "fabricated or induced
 * illness (FII)", whose words are a mention of their own).
 */
export function spelledOutOtherwise(text: string, start: number, end: number, hits: readonly RegExpExecArray[]): boolean {
  const short = text.slice(start, end);
  if (!/^\p{Lu}{2,6}$/u.test(short) || text[start - 1] !== '(' || text[end] !== ')') return false;
  const words = [...text.slice(Math.max(0, start - 120), start - 1).matchAll(/[\p{L}][\p{L}'’-]*/gu)];
  const letters = short.toLowerCase();
  let k = letters.length - 1;
  let first = -1;
  for (let w = words.length - 1; w >= 0 && k >= 0; w--) {
    const word = words[w][0].toLowerCase();
    // (Small words may be passed over: "fabricated or induced illness".)
    if (word[0] === letters[k]) {
      k--;
      first = w;
    } else if (!/^(?:and|or|of|the|for|in|to|&)$/.test(word)) return false;
  }
  if (k >= 0 || first < 0) return false;
  const from = Math.max(0, start - 120) + words[first].index!;
  return !hits.some((h) => h.index! < start - 1 && h.index! + h[0].length > from);
}
