import { createRequire } from 'node:module';
import { sexOfGivenName } from './lexicon/given-names.ts';
import { isCommonNoun } from './lexicon/index.ts';
import { winkModel } from './wink-model.ts';

/**
 * Sense: whether a label word is used about a person. "Aggressive" in "an aggressive father" or
 * "his behaviour was aggressive" is a label; in "aggressive treatment", "the infection was
 * aggressive" or "the wardrobe was unstable" it is not. The decision is made from the word the
 * label attaches to, found from parts of speech:
 *
 * 1. predicative: back over adverbs to a copula or auxiliary, then the head of the subject
 *    ("The wi-fi signal in the flat is unstable", "the handbrake had disengaged");
 * 2. "describe X as …", "presents as …": X, or the subject of the verb;
 * 3. attributive (adjectives only): the last noun of the phrase it modifies ("volatile organic
 *    compounds"); a noun label inside a compound ("the FII case") stays a label;
 * 4. "is an alcoholic": the subject.
 *
 * A noun label ("manipulation", "drug misuse", "non-compliance") names the behaviour itself, so
 * only adjectives and verbs are read for sense.
 *
 * Parts of speech come from wink-nlp's English model (loaded on first use, offline), with
 * closed-class word lists for copulas, auxiliaries and possessives (where a tagger's mistakes hurt
 * most), and the lists alone as the tagger if the model cannot be loaded. A head is a person (a pronoun, a name, one of `people`), personal (a
 * person's behaviour, relationship, home or parenting: one of `personal`, or an -ing word), or a
 * thing (any other common noun). Only a thing makes the mention another sense; when the head
 * cannot be found, or is a capitalised word at the start of the sentence (a name or not), the
 * mention stands.
 */
export interface SenseLists {
  people: Set<string>;
  personal: Set<string>;
}

export type HeadKind = 'person' | 'personal' | 'thing' | 'unknown';
export interface Attachment {
  head: string;
  kind: HeadKind;
  /** The person is people in general ("a parent who…", "families"), not someone in this case. */
  generic?: string;
  /** The label stands before the noun it describes ("a hostile father"), taking it as given. */
  attributive?: true;
  /** The noun phrase names someone known: "the", "this", a possessive ("the aggressive father", "her volatile partner"). */
  definite?: true;
}

type Cat = 'N' | 'PROPN' | 'PRON' | 'ADJ' | 'ADV' | 'V' | 'DET' | 'ADP' | 'CC' | 'SC' | 'PART' | 'POS' | 'PUNCT' | 'NUM' | 'X';
interface Token {
  text: string;
  lower: string;
  cat: Cat;
  start: number;
  end: number;
}

const words = (s: string) => new Set(s.split(' '));
const COPULAS = words(
  'is was were are am be been being remain remains remained seem seems seemed appear appears appeared become becomes became becoming stay stays stayed look looks looked sound sounds sounded grow grows grew get gets got proved proves',
);
const AUXILIARIES = words("has have had having can could will would may might must should shall do does did not never n't to");
const POSSESSIVES = words('his her their its my our your');
const NP_INSIDE = words('N PROPN ADJ NUM POS DET');
const TITLES = words('mr mrs ms miss dr mx');
/** The last word of a place's name ("Pennock Farm", "Holme Lacy Road"). */
const PLACE_NAMES = words(
  'farm road street avenue close crescent estate cottage cottages village station surgery hospital centre primary academy school nursery library barracks ward',
);
/** Words for family members that records use as names ("Mum was aggressive"), whatever the packs' lists say. */
const KIN = words('mum mummy mam mom dad daddy mother father nan nana nanna gran granny grandma grandad granddad grandmother grandfather stepdad stepmum');
const NOT_PEOPLE = words('it this that these those there which what something anything everything nothing');
const DETERMINERS = words('the a an this these those some any each every both no all another either neither');
const PRONOUNS = words('i you he she it we they him them me us himself herself themselves who whom which someone everyone anyone somebody nobody');
const PREPOSITIONS = words(
  'in on at by for with about against around towards toward to from of into onto over under through during since after before without within between among near across behind beyond upon per like than despite throughout',
);
const SUBORDINATORS = words('because when while whilst although though if that whether until unless as once where');
const ADVERBS = words(
  'very too so quite rather often always never not still also again now then more most less much just even sometimes today yesterday soon already almost overly',
);
const NOT_ADVERBS = words('family only early friendly elderly supply reply assembly bully belly jelly rally ally');

/** Case-note shorthand a tagger misreads: "re" (about), "v" and "vv" (very): "Stepdad v controlling re money". */
const NOTE_ABBREVIATIONS: Record<string, Cat> = { re: 'ADP', v: 'ADV', vv: 'ADV' };
/** Words of time a tagger reads as nouns, but which say when, not what ("Mum v chaotic today"). */
const WHEN = words('today tonight yesterday tomorrow now then again lately recently currently');
const RAISING = words('found said thought considered known deemed believed judged reported seen understood alleged expected');
/** Animals a family keeps or meets. */
const ANIMALS = words(
  'dog puppy pup cat kitten horse pony rabbit hamster guinea parrot budgie bird snake lizard ferret staffie terrier collie spaniel labrador',
);
/** Surroundings, personal only when placed in someone's life (see classify). */
const SURROUNDINGS = words('environment condition climate thing');
const TIMES = words('day night morning afternoon evening week weekend month year time occasion visit session bedtime mealtime teatime lunchtime holiday');
/** Verbs that take an object and a complement describing it ("made the journey chaotic", "left her unable to cope"). */
const MAKING = words(
  'make makes made making leave leaves left leaving keep keeps kept keeping render renders rendered find finds found consider considers considered',
);
/** Verbs of describing and judging that take what they describe as their object. */
const DESCRIBING =
  /^(?:describ|interpret|regard|see|saw|seen|view|treat|label|characteris|characteriz|dismiss|record|perceiv|took|taken|consider|call|brand|depict|portray|paint|report|flag|mark|tag|class)/;
/** Nouns of behaviour and states: the label names the behaviour, whoever it belongs to. */
const NOUN_LABEL = /(?:ion|ism|ity|ance|ence|ment|ness|cy|ure|use|iour|ior|chaos|fii|ency|mony)$/i;

const isCopula = (t: Token | undefined) => !!t && COPULAS.has(t.lower);
const isAuxiliary = (t: Token | undefined) => !!t && AUXILIARIES.has(t.lower);
const isNominal = (t: Token | undefined) => !!t && (t.cat === 'N' || t.cat === 'PROPN' || t.cat === 'PRON');

// --- tagging ---------------------------------------------------------------------------------

interface Wink {
  readDoc(text: string): { tokens(): { out(f?: unknown): unknown[] } };
  its: { pos: unknown };
}
let wink: Wink | null | undefined;

/** wink-nlp with its English model, loaded once on first use; null if it cannot be loaded. */
function winkTagger(): Wink | null {
  if (wink === undefined) {
    try {
      const require = createRequire(import.meta.url);
      const winkNLP = require('wink-nlp') as (model: unknown) => Wink;
      wink = winkNLP(winkModel(require));
    } catch {
      wink = null;
    }
  }
  return wink;
}

const UNIVERSAL: Record<string, Cat> = {
  NOUN: 'N',
  PROPN: 'PROPN',
  PRON: 'PRON',
  ADJ: 'ADJ',
  ADV: 'ADV',
  VERB: 'V',
  AUX: 'V',
  DET: 'DET',
  ADP: 'ADP',
  CCONJ: 'CC',
  SCONJ: 'SC',
  PART: 'PART',
  PUNCT: 'PUNCT',
  NUM: 'NUM',
};

/** Tokens with wink's parts of speech and their offsets in the sentence, or null if they cannot be lined up. */
function winkTokens(sentence: string): Token[] | null {
  const nlp = winkTagger();
  if (!nlp) return null;
  const tokens = nlp.readDoc(sentence).tokens();
  const values = tokens.out() as string[];
  const tags = tokens.out(nlp.its.pos) as string[];
  const out: Token[] = [];
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    const start = sentence.indexOf(values[i], at);
    if (start === -1) return null;
    at = start + values[i].length;
    const prev = out[out.length - 1];
    // wink splits hyphenated words ("wi - fi"): join them again.
    if (prev && (values[i] === '-' || prev.text.endsWith('-')) && prev.end === start) {
      prev.text += values[i];
      prev.lower = prev.text.toLowerCase();
      prev.end = at;
      if (values[i] !== '-') {
        const cat = UNIVERSAL[tags[i]] ?? 'X';
        // A verb, noun or adjective with a particle is a noun ("kick-off", "check-up", "warm-up"); a
        // participle after an adverb, adjective or noun is an adjective ("fast-growing", "long-standing");
        // otherwise the last part decides.
        prev.cat =
          (cat === 'ADP' || cat === 'ADV' || cat === 'PART') && (prev.cat === 'V' || prev.cat === 'N' || prev.cat === 'ADJ')
            ? 'N'
            : cat === 'V' && /(?:ing|ed)$/i.test(values[i]) && (prev.cat === 'ADV' || prev.cat === 'ADJ' || prev.cat === 'N')
              ? 'ADJ'
              : cat;
      }
      continue;
    }
    const lower = values[i].toLowerCase();
    // (A capitalised word after a title is a name, whatever the tagger said: "Mr Ebbs's house".)
    const named = prev && TITLES.has(prev.lower.replace(/\.$/, '')) && /^\p{Lu}/u.test(values[i]);
    const cat = lower === "'s" || lower === '’s' ? 'POS' : named ? 'PROPN' : (NOTE_ABBREVIATIONS[lower] ?? UNIVERSAL[tags[i]] ?? 'X');
    // A hyphenated phrase before a noun is an adjective, whatever its last word ("a hard-to-reach cupboard").
    if (prev?.text.includes('-') && prev.cat !== 'ADJ' && (cat === 'N' || cat === 'PROPN') && prev.text.split('-').length >= 3) prev.cat = 'ADJ';
    out.push({ text: values[i], lower, cat, start, end: at });
  }
  return out;
}

/** Closed-class word lists as a tagger: any other word is a noun, a capitalised one inside the sentence a name. */
function listTokens(sentence: string): Token[] {
  const out: Token[] = [];
  for (const m of sentence.matchAll(/['’]s\b|[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu)) {
    const text = m[0];
    const lower = text.toLowerCase();
    let cat: Cat;
    if (lower === "'s" || lower === '’s') cat = 'POS';
    else if (!/[\p{L}\p{N}]/u.test(text)) cat = 'PUNCT';
    else if (/^\d/.test(text)) cat = 'NUM';
    else if (out.length && /^\p{Lu}/u.test(text)) cat = 'PROPN';
    else if (COPULAS.has(lower) || (AUXILIARIES.has(lower) && !/^(?:to|not|never)$/.test(lower))) cat = 'V';
    else if (POSSESSIVES.has(lower) || DETERMINERS.has(lower)) cat = 'DET';
    else if (PRONOUNS.has(lower)) cat = 'PRON';
    else if (lower === 'to' || PREPOSITIONS.has(lower)) cat = 'ADP';
    else if (/^(?:and|or|but|nor)$/.test(lower)) cat = 'CC';
    else if (SUBORDINATORS.has(lower)) cat = 'SC';
    else if (ADVERBS.has(lower) || (/ly$/.test(lower) && !NOT_ADVERBS.has(lower))) cat = 'ADV';
    else if (/(?:ive|ic|ous|ile|able|ible|ant|ent|ful|less)$/.test(lower)) cat = 'ADJ';
    else cat = 'N';
    out.push({ text, lower, cat, start: m.index!, end: m.index! + text.length });
  }
  return out;
}

// --- attachment ------------------------------------------------------------------------------

/** Where the noun phrase ending at j starts. */
function phraseStart(T: Token[], j: number): number {
  if (T[j].cat === 'PRON' && !POSSESSIVES.has(T[j].lower)) return j;
  let s = j;
  // (A participle between a determiner and its noun is an adjective: "the allocated worker".)
  const participle = (k: number) => T[k].cat === 'V' && /(?:ed|ing)$/.test(T[k].lower) && k > 0 && T[k - 1].cat === 'DET';
  while (s > 0 && (NP_INSIDE.has(T[s - 1].cat) || POSSESSIVES.has(T[s - 1].lower) || participle(s - 1))) {
    // A name starts its own phrase: after a title, or after a common noun ("In fourteen months of work Ms Jenvey has…").
    if (TITLES.has(T[s].lower) || (T[s].cat === 'PROPN' && T[s - 1].cat === 'N')) break;
    s--;
  }
  return s;
}

/** A word straight after a determiner and before a preposition is a noun, whatever the tagger said ("The drains on …"). */
const afterDeterminer = (T: Token[], j: number) =>
  T[j]?.cat === 'V' &&
  j >= 1 &&
  ((T[j - 1].cat === 'DET' && DETERMINERS.has(T[j - 1].lower)) ||
    (j >= 2 && T[j - 1].cat === 'N' && T[j - 2].cat === 'DET' && DETERMINERS.has(T[j - 2].lower)));

/** The head of a subject ending at j, climbing back over prepositional phrases ("the room [at the centre]"). */
function subjectHead(T: Token[], j: number, notOver?: string): number {
  let h = j;
  let s = phraseStart(T, j);
  // ("as" and "than" start a clause of their own: "the Edge of Care team as the family are…").
  while (
    s >= 2 &&
    T[s - 1].cat === 'ADP' &&
    T[s - 1].lower !== notOver &&
    !/^(?:as|than)$/.test(T[s - 1].lower) &&
    (isNominal(T[s - 2]) || afterDeterminer(T, s - 2))
  ) {
    h = s - 2;
    T[h].cat = 'N';
    s = phraseStart(T, h);
  }
  return h;
}

function backToSubject(T: Token[], i: number): number | null {
  // Past the verb, and past a raising verb ("were found to be", "is known to be").
  while (i >= 0 && (isCopula(T[i]) || isAuxiliary(T[i]) || T[i].cat === 'ADV' || (RAISING.has(T[i].lower) && T[i + 1]?.lower === 'to'))) i--;
  // A time phrase between subject and verb ("His presentation that afternoon was volatile").
  while (i >= 1 && TIMES.has(T[i].lower) && /^(?:that|this|the|same|each|every|last)$/.test(T[i - 1].lower)) {
    i -= 2;
    while (i >= 0 && (T[i].lower === 'same' || T[i].cat === 'ADP')) i--;
  }
  if (i < 0) return null;
  // "number 12 is": a number after a noun ends its phrase.
  if (T[i].cat === 'NUM' && i > 0 && T[i - 1].cat === 'N') i--;
  // "the flat is", "the new flat is": a determiner (past modifiers) and a word before a verb make a noun, whatever the tagger said.
  if (T[i].cat === 'ADJ' || T[i].cat === 'V') {
    let d = i - 1;
    while (d >= 0 && d > i - 3 && (T[d].cat === 'ADJ' || T[d].cat === 'ADV')) d--;
    if (T[d]?.cat === 'DET') {
      T[i].cat = 'N';
      for (let k = d + 1; k < i; k++) T[k].cat = 'ADJ';
    }
  }
  return isNominal(T[i]) ? subjectHead(T, i) : null;
}

/** The index of the token a mention over tokens s..e attaches to, or null. */
function attach(T: Token[], s: number, e: number): number | null {
  // An adverb ("pushed him aside aggressively") describes an action, whoever did it.
  if (T[e].cat === 'ADV') return null;
  // An adjective (or an -ing participle) before a noun modifies it ("a hostile witness", "aggressive treatment", "the controlling unit").
  if (T[e].cat === 'ADJ' || (T[e].cat === 'V' && /ing$/.test(T[e].lower) && T[e + 1]?.cat === 'N')) {
    let i = e + 1;
    // Past other adjectives and participles, and "and"/"or" only between adjectives ("volatile and aggressive man", not "aggressive and workers").
    while (
      T[i] &&
      (T[i].cat === 'ADJ' ||
        (T[i].cat === 'V' && /ing$/.test(T[i].lower) && T[i + 1]?.cat === 'N') ||
        (T[i].cat === 'CC' && T[i + 1]?.cat === 'ADJ') ||
        // (…and a score or a count before the noun: "a chaotic 7-6 win".)
        (T[i].cat === 'NUM' && i > e && T[i + 1]?.cat === 'N'))
    )
      i++;
    // (A gerund after the label is a noun: "the puppy's attention-seeking barking at night".)
    if (T[i]?.cat === 'V' && /ing$/.test(T[i].lower) && i === e + 1 && /^(?:ADP|PUNCT|V|CC)$/.test(T[i + 1]?.cat ?? 'PUNCT')) T[i].cat = 'N';
    if (T[i]?.cat === 'N' && !WHEN.has(T[i].lower)) {
      while (T[i + 1]?.cat === 'N') i++;
      return i;
    }
  }
  // A phrase label that ends in a verb, before a noun, modifies it too ("a hard to reach spot",
  // "hard to reach families").
  if (e > s && T[s].cat === 'ADJ' && T[e].cat === 'V' && T[e + 1]?.cat === 'N' && !WHEN.has(T[e + 1].lower)) {
    let i = e + 1;
    while (T[i + 1]?.cat === 'N') i++;
    return i;
  }
  // An adjective straight after a noun, with its complement, describes that noun: "a strain
  // resistant to amoxicillin", "M resistant to help" (but not after a copula's subject, read below).
  if (s === e && T[s].cat === 'ADJ' && T[s - 1]?.cat === 'N' && T[e + 1]?.cat === 'ADP' && /^(?:to|of|about|towards)$/.test(T[e + 1].lower))
    return subjectHead(T, s - 1);
  // An object and its complement after a verb of making or finding describe the object: "the
  // roadworks made the journey chaotic", "the news left her unable to cope", "I found Mr Hale hostile".
  if (s === e && T[s].cat === 'ADJ' && T[s - 1] && (T[s - 1].cat === 'N' || T[s - 1].cat === 'PROPN' || T[s - 1].cat === 'PRON')) {
    const p = phraseStart(T, s - 1);
    if (p > 0 && MAKING.has(T[p - 1].lower)) return s - 1;
  }
  let i = s - 1;
  while (i >= 0 && T[i].lower !== 'as' && (/^(?:ADV|ADJ|CC)$/.test(T[i].cat) || /^(?:,|not|never|n't)$/.test(T[i].lower))) i--;
  if (isCopula(T[i]) || (isAuxiliary(T[i]) && T[e].cat === 'V')) {
    const r = backToSubject(T, i);
    if (r !== null) return r;
  }
  // A passive verb of judging works as a copula: "the boiler was found non-compliant", "she was deemed unable to cope".
  if (RAISING.has(T[i]?.lower ?? '') && (isCopula(T[i - 1]) || isAuxiliary(T[i - 1]))) {
    const r = backToSubject(T, i - 1);
    if (r !== null) return r;
  }
  // A second predicate joined by "and"/"but" shares the first one's subject: "the smoke alarm is on
  // a high ceiling and hard to reach".
  if (T[i + 1]?.cat === 'CC' && i + 1 < s) {
    let j = i;
    while (j >= 0 && /^(?:N|ADJ|DET|ADP|ADV|NUM)$/.test(T[j].cat) && !isCopula(T[j])) j--;
    if (isCopula(T[j]) && j < i) {
      const r = backToSubject(T, j);
      if (r !== null) return r;
    }
  }
  // A verb: its subject stands just before it ("the minibus clutch disengaged"); so does the noun a
  // participle read as an adjective follows with no verb between ("the clutch disengaged on the A438").
  if ((T[s].cat === 'V' || (T[s].cat === 'ADJ' && s === e && /(?:ed|en)$/.test(T[s].lower))) && (isNominal(T[s - 1]) || afterDeterminer(T, s - 1))) {
    if (!isNominal(T[s - 1])) T[s - 1].cat = 'N';
    return subjectHead(T, s - 1);
  }
  i = s - 1;
  while (i >= 0 && /^(?:ADV|DET)$/.test(T[i].cat) && T[i].lower !== 'as') i--;
  if (T[i]?.lower === 'as') {
    let k = i - 1;
    if (/^(?:ADP|PART|ADV)$/.test(T[k]?.cat ?? '') && T[k - 1]?.cat === 'V') k--;
    // A passive's agent is not what is described: "families are seen by services as hard to reach".
    const agent = byAgent(T, k);
    if (agent !== null) {
      const r = backToSubject(T, agent - 1);
      if (r !== null) return r;
    }
    // The object, over phrases that place it ("calls to the team as") but not over "of" ("the description of Mr Reid as").
    if (T[k]?.cat === 'PRON' || T[k]?.cat === 'PROPN') return k;
    if (isNominal(T[k])) return subjectHead(T, k, 'of');
    // "which the school interpreted as controlling": the subject of an active verb of describing is
    // the describer, not what is described; a passive one ("are described as") or an intransitive
    // one ("presents as") has what is described as its subject.
    // A participle straight after a noun or an adverb is passive ("families often seen as hard to reach").
    const passiveParticiple = /(?:ed|en)$/.test(T[k]?.lower ?? '') && !!T[k - 1] && (T[k - 1].cat === 'ADV' || T[k - 1].cat === 'N');
    if (T[k]?.cat === 'V' && DESCRIBING.test(T[k].lower) && !isCopula(T[k - 1]) && !isCopula(T[k - 2]) && !passiveParticiple) return null;
    if (T[k]?.cat === 'V') {
      const r = backToSubject(T, k - 1);
      if (r !== null) return r;
    }
  }
  i = s - 1;
  while (i >= 0 && /^(?:DET|ADV|ADJ)$/.test(T[i].cat)) i--;
  if (isCopula(T[i])) {
    const r = backToSubject(T, i);
    if (r !== null) return r;
  }
  // An -ing verb after a preposition is done by the subject of the clause: "the software is
  // responsible for controlling who…", "he was accused of controlling her".
  if (T[s].cat === 'V' && /ing$/.test(T[s].lower) && (T[s - 1]?.cat === 'ADP' || (T[s - 1]?.cat === 'SC' && PREPOSITIONS.has(T[s - 1].lower)))) {
    let j = s - 2;
    while (j >= 0 && (T[j].cat === 'ADJ' || T[j].cat === 'ADV' || (T[j].cat === 'V' && /(?:ed|en)$/.test(T[j].lower)))) j--;
    if (isCopula(T[j]) || isAuxiliary(T[j])) {
      const r = backToSubject(T, j);
      if (r !== null) return r;
    }
  }
  return null;
}

/** Where a passive participle stands before "by" and its agent ending at k ("seen by services"), or null. */
function byAgent(T: Token[], k: number): number | null {
  if (!isNominal(T[k])) return null;
  let j = phraseStart(T, k) - 1;
  if (T[j]?.lower !== 'by') return null;
  j--;
  while (j >= 0 && T[j].cat === 'ADV') j--;
  return T[j] && /(?:ed|en|seen|known|thought)$/.test(T[j].lower) ? j : null;
}

/**
 * A relative pronoun stands for the noun before it: "the loft hatch, which is unstable" is about
 * the hatch, "her partner, who is controlling" about the partner.
 */
function antecedent(T: Token[], h: number): number {
  if (!/^(?:which|who|that)$/.test(T[h].lower)) return h;
  let k = h - 1;
  if (T[k]?.lower === ',') k--;
  // A verb straight after a noun or a determiner ends a noun phrase here ("the loft hatch,").
  if (T[k]?.cat === 'V' && (T[k - 1]?.cat === 'N' || T[k - 1]?.cat === 'DET')) T[k].cat = 'N';
  return isNominal(T[k]) && T[k].cat !== 'PRON' ? k : h;
}

function classify(T: Token[], head: number, lists: SenseLists, labelAt: number, labelEnd: number): HeadKind {
  const h = antecedent(T, head);
  // ", which was aggressive" after a noun inside a phrase ("pushed him against the wall, which was
  // aggressive") may be about the whole act, not the noun: the mention stands.
  if (h !== head && T[head].lower === 'which' && T[phraseStart(T, h) - 1]?.cat === 'ADP') return 'unknown';
  const t = T[h];
  const w = t.lower.replace(/['’]s$/, '');
  if (NOT_PEOPLE.has(w)) return 'unknown';
  // An animal, or what is an animal's ("the puppy's attention-seeking barking"), is not a person's.
  if (ANIMALS.has(singular(w)) || T.slice(phraseStart(T, h), h).some((x) => ANIMALS.has(singular(x.lower)))) return 'thing';
  if (t.cat === 'PRON' || POSSESSIVES.has(w) || KIN.has(w) || lists.people.has(w) || lists.people.has(singular(w))) return 'person';
  // What a thing has is a thing: "the trailer's coupling disengaged", "the firm's approach was aggressive".
  if (ownedByThing(T, h, lists)) return 'thing';
  const pair = h > 0 ? `${T[h - 1].lower} ${w}` : '';
  // A compound whose first noun is a person or theirs: "the family set-up", "the parent-child dynamic".
  if (h > 0 && T[h - 1].cat === 'N' && lists.people.has(T[h - 1].lower)) return 'personal';
  // A time of day or an occasion placed in someone's life: "mornings at home", "mornings are
  // chaotic for Ella" (but "the first day of term is always chaotic at the school gate").
  if (TIMES.has(singular(w)) && (owned(T, h) || personAfter(T, h + 1, lists) || personAfter(T, labelEnd + 1, lists))) return 'personal';
  // Surroundings are someone's only when placed in their life: "her home environment", "conditions
  // in the flat" (but "the immigration rules create a hostile environment", "conditions on the
  // Black Mountains were hostile").
  if (SURROUNDINGS.has(singular(w)) && !lists.personal.has(pair)) {
    const theirs = (x: string) => lists.personal.has(x) || lists.people.has(x) || lists.people.has(singular(x)) || KIN.has(x);
    const placed = owned(T, h) || (h > 0 && theirs(T[h - 1].lower)) || placedAfter(T, h + 1, theirs) || placedAfter(T, labelEnd + 1, theirs);
    if (placed) return 'personal';
    // Placed somewhere else ("on the Black Mountains", "for families like hers") it is a thing; unplaced ("conditions remain chaotic") it stands.
    return placedAfter(T, h + 1, () => false, true) || placedAfter(T, labelEnd + 1, () => false, true) ? 'thing' : 'unknown';
  }
  if (lists.personal.has(w) || lists.personal.has(singular(w)) || lists.personal.has(pair) || /ing$/.test(w)) return 'personal';
  // A capitalised word at the start of a sentence is a name unless it is a common noun that is not
  // only a name ("Traffic on the A49 was chaotic", but "Kelly was chaotic", "Rose was volatile").
  // A code of letters and digits or an ampersand is a road, a form, a service or a shop ("the A49",
  // "the local A&E", "B&Q"), never a person.
  if (/^\p{Lu}/u.test(t.text) && /[\d&]/.test(t.text)) return 'thing';
  // A place's name: a name and a word for a place ("Pennock Farm", "Tanner's Row Estate"), not a
  // person's ("Ms Hall", "Emma Hall").
  if (
    /^\p{Lu}/u.test(t.text) &&
    PLACE_NAMES.has(w) &&
    h > 0 &&
    /^\p{Lu}/u.test(T[h - 1].text) &&
    !TITLES.has(T[h - 1].lower) &&
    sexOfGivenName(T[h - 1].lower) === null
  )
    return 'thing';
  if (/^\p{Lu}/u.test(t.text)) {
    // Inside a sentence a capitalised word is a name, unless an article makes it a thing
    // ("the Wi-Fi at the contact centre", "the Internet"; a name takes none, though a role may: "the DSL", "the Smiths").
    if (h !== 0 && T[h - 1].cat !== 'PUNCT')
      return /^(?:the|a|an|this|that)$/.test(T[h - 1].lower) && !/^[\p{Lu}\d-]+$/u.test(t.text) && !/s$/.test(w) ? 'thing' : 'person';
    // (Unless a person stands between it and the label: a long subject misread, "Head of Year Mrs
    // Lacey reports that father seems…".)
    if (!isCommonNoun(w) || T.slice(h + 1, labelAt).some((x) => x.cat === 'PRON' || TITLES.has(x.lower) || lists.people.has(x.lower))) return 'unknown';
  } else if (t.cat === 'PROPN') return 'person';
  // Only a word the tagger reads as a common noun is a thing; a verb read as a head is a misreading.
  else if (t.cat !== 'N') return 'unknown';
  // A part of someone's behaviour or relationship: "no coercive element to the relationship", "an
  // aggressive edge to his voice" (but not a place: "the stairs in the home").
  if (/^(?:to|of|about|towards|toward)$/.test(T[h + 1]?.lower ?? '') && partOf(T, h + 2, lists)) return 'personal';
  return 'thing';
}

/** The noun phrase ending at h is owned by a common noun that is neither someone nor theirs ("the trailer's coupling"). */
function ownedByThing(T: Token[], h: number, lists: SenseLists): boolean {
  for (let k = phraseStart(T, h); k < h; k++) {
    if (T[k].cat !== 'POS' || k === 0) continue;
    const owner = T[k - 1];
    if (owner.cat !== 'N' || /^\p{Lu}/u.test(owner.text)) return false;
    const w = owner.lower;
    return ![w, singular(w)].some((x) => lists.people.has(x) || lists.personal.has(x) || KIN.has(x) || x === 'home');
  }
  return false;
}

/** The noun phrase from i names someone's behaviour, relationship or manner (not their home), or someone. */
function partOf(T: Token[], i: number, lists: SenseLists): boolean {
  let j = i;
  while (T[j] && (T[j].cat === 'DET' || T[j].cat === 'ADJ' || POSSESSIVES.has(T[j].lower))) j++;
  if (POSSESSIVES.has(T[j - 1]?.lower ?? '') && T[j]?.cat === 'N' && !HOMES.test(T[j].lower) && !BODY.test(T[j].lower)) return true;
  // One person's something is theirs ("an edge to Dad's voice", "to Mr Lowe's voice"), but not
  // their home, and a plural's is usually an institution ("the children's home closure", "the
  // women's refuge").
  while (T[j]?.cat === 'PROPN' && T[j + 1]?.cat === 'PROPN') j++;
  if ((T[j]?.cat === 'N' || T[j]?.cat === 'PROPN') && T[j + 1]?.cat === 'POS') {
    const owner = T[j].lower;
    let k = j + 2;
    while (T[k]?.cat === 'ADJ') k++;
    const plural = singular(owner) !== owner || /^(?:children|women|men|people)$/.test(owner);
    const person = T[j].cat === 'PROPN' || (!plural && (lists.people.has(owner) || KIN.has(owner)));
    return person && T[k]?.cat === 'N' && !HOMES.test(T[k].lower) && !BODY.test(T[k].lower);
  }
  while (T[j + 1] && T[j + 1].cat === 'N') j++;
  const n = T[j];
  if (n?.cat !== 'N' || HOMES.test(n.lower)) return false;
  return lists.personal.has(n.lower) || lists.personal.has(singular(n.lower)) || lists.people.has(n.lower) || KIN.has(n.lower);
}

const HOMES = /^(?:home|homes|house|houses|flat|flats|household|property|bedroom|kitchen|room|rooms)$/;
/** Parts of the body: what is done to them ("manipulative therapy to Ellis's neck") is treatment, not a part of someone's behaviour. */
const BODY =
  /^(?:neck|back|head|arm|arms|leg|legs|shoulder|shoulders|knee|knees|hip|hips|spine|wrist|wrists|ankle|ankles|foot|feet|hand|hands|skin|chest|stomach|abdomen|face|jaw|teeth|tooth|eye|eyes|ear|ears|muscle|muscles|joint|joints|bone|bones|body|scalp|elbow|elbows)$/;

/** A preposition at i whose noun phrase is someone, theirs, or their home: "in the flat", "for the children" (not a place's name, not people in general). */
function placedAfter(T: Token[], i: number, theirs: (w: string) => boolean, elsewhere = false): boolean {
  if (T[i]?.cat !== 'ADP' || T[i].lower === 'of') return false;
  let j = i + 1;
  while (T[j] && (T[j].cat === 'DET' || T[j].cat === 'ADJ' || POSSESSIVES.has(T[j].lower))) j++;
  if (POSSESSIVES.has(T[j - 1]?.lower ?? '')) return !elsewhere;
  while (T[j + 1] && (T[j + 1].cat === 'N' || T[j + 1].cat === 'POS' || (T[j].cat === 'PROPN' && T[j + 1].cat === 'PROPN'))) j++;
  const n = T[j];
  if (!n) return false;
  const home = n.cat === 'PRON' || (n.cat === 'N' && (theirs(n.lower) || /^(?:flat|home|house|household|property|bedroom|kitchen)s?$/.test(n.lower)));
  if (elsewhere) return GENERIC_PLURALS.has(n.lower) || n.cat === 'PROPN' || (n.cat === 'N' && !home);
  return !GENERIC_PLURALS.has(n.lower) && home;
}

/** A possessive stands in the noun phrase before h ("her mornings", "Ella's bedtimes"). */
function owned(T: Token[], h: number): boolean {
  for (let j = h - 1; j >= 0 && (NP_INSIDE.has(T[j].cat) || POSSESSIVES.has(T[j].lower)); j--)
    if (T[j].cat === 'POS' || POSSESSIVES.has(T[j].lower)) return true;
  return false;
}

/** A preposition at i (not "of") whose noun phrase is a person or theirs: "at home", "for Ella", "with her partner", "at his father's". */
function personAfter(T: Token[], i: number, lists: SenseLists): boolean {
  if (T[i]?.cat !== 'ADP' || T[i].lower === 'of') return false;
  let j = i + 1;
  while (T[j] && (T[j].cat === 'DET' || T[j].cat === 'ADJ' || POSSESSIVES.has(T[j].lower))) j++;
  if (POSSESSIVES.has(T[j - 1]?.lower ?? '')) return true;
  // The head of the phrase: the last of a run of nouns, past a possessive ("her mother's flat").
  while (T[j + 1] && (T[j + 1].cat === 'N' || T[j + 1].cat === 'POS')) j++;
  const n = T[j];
  if (!n) return false;
  if (n.cat === 'PRON' || n.cat === 'PROPN' || n.cat === 'POS') return true;
  return n.cat === 'N' && [n.lower, singular(n.lower)].some((x) => lists.people.has(x) || x === 'home' || x === 'household');
}

function singular(w: string): string {
  if (/ies$/.test(w)) return w.slice(0, -3) + 'y';
  if (/(?:ches|shes|sses|xes)$/.test(w)) return w.slice(0, -2);
  if (/s$/.test(w) && !/ss$/.test(w)) return w.slice(0, -1);
  return w;
}

function attachIn(T: Token[], start: number, end: number, lists: SenseLists): Attachment | null {
  const s = T.findIndex((t) => t.end > start);
  let e = T.findIndex((t) => t.start >= end) - 1;
  if (e < 0) e = T.length - 1;
  if (s === -1 || e < s) return null;
  if (NOUN_LABEL.test(T[e].lower)) return ofPhrase(T, s, e, lists);
  // After a possessive a word is a noun, whatever the tagger said ("His conduct", "Ms Nolan's calls").
  // (Not the label itself: "the thermostat's controlling unit".) In a run of verbs after a possessive the last is the noun ("Ms Lowe's repeated calls").
  const owner = (j: number) => T[j] && (T[j].cat === 'POS' || (POSSESSIVES.has(T[j].lower) && T[j].lower !== 'her'));
  for (let i = 1; i < T.length; i++) {
    if (!owner(i - 1) || (i >= s && i <= e)) continue;
    // (…and a word read as an adjective with a verb straight after it: "Ms Bastable's flat is…".)
    if (T[i].cat === 'ADJ' && T[i + 1]?.cat === 'V') {
      T[i].cat = 'N';
      continue;
    }
    if (T[i].cat !== 'V') continue;
    let j = i;
    while (T[j + 1]?.cat === 'V' && !(j + 1 >= s && j + 1 <= e)) j++;
    for (let k = i; k < j; k++) T[k].cat = 'ADJ';
    T[j].cat = 'N';
  }
  // A word read as a noun that ends in -ed after the label and before a preposition is its verb
  // ("The earlier view that Mr Hurst was controlling rested on one anonymous call").
  if (T[e + 1]?.cat === 'N' && /^[a-z]{3,}ed$/.test(T[e + 1].lower) && T[e + 2]?.cat === 'ADP') T[e + 1].cat = 'V';
  const h = attach(T, s, e);
  if (h === null) return null;
  const kind = classify(T, h, lists, s, e);
  const a = antecedent(T, h);
  const attributive = h > e;
  const definite = T.slice(phraseStart(T, a), a).some((t) => /^(?:the|this|that|these|those)$/.test(t.lower) || t.cat === 'POS' || POSSESSIVES.has(t.lower));
  return {
    head: T[h].text,
    kind,
    ...(kind === 'person' && genericPerson(T, a, attributive) && { generic: T[a].text }),
    ...(attributive && { attributive: true as const }),
    ...(definite && { definite: true as const }),
  };
}

/**
 * What a label noun is of, when that is a thing ("the alienation of the freehold", "the
 * volatility of the market"): then the noun is used in another sense. Of a person or what is
 * theirs ("the hostility of the neighbours", "alienation of the children") the mention stands,
 * as it does with no "of" at all.
 */
function ofPhrase(T: Token[], s: number, e: number, lists: SenseLists): Attachment | null {
  if (T[e + 1]?.lower !== 'of') return null;
  let i = e + 2;
  while (T[i] && (/^(?:DET|ADJ|NUM)$/.test(T[i].cat) || POSSESSIVES.has(T[i].lower))) i++;
  if (T[i]?.cat !== 'N') return null;
  while (T[i + 1]?.cat === 'N') i++;
  const kind = classify(T, i, lists, s, e);
  return kind === 'thing' ? { head: T[i].text, kind } : null;
}

/** People in general rather than anyone in this case: "a parent", "any carer", "families", "mothers". */
const GENERIC_PLURALS = words('families mothers fathers women men people carers adults parents-to-be survivors victims perpetrators users drinkers addicts');
/** Plurals that name this case's people when bare ("Parents remain resistant"), and people in general only before "who" ("parents who are hostile to intervention"). */
const GENERIC_BEFORE_WHO = words('parents mums dads couples partners');
const INDEFINITE = words('a an any every');
const QUANTIFIERS = words('some many most all other such several few');

/**
 * Whether the person a label attaches to is people in general: an indefinite subject ("before we
 * conclude that a parent lacks insight") or a bare plural of people ("families who become
 * disengaged", "families seen as hard to reach"), not a predicate ("she is a mother who…").
 */
function genericPerson(T: Token[], h: number, attributive: boolean): boolean {
  const p = phraseStart(T, h);
  const before = T[p - 1];
  if (before && (isCopula(before) || before.lower === 'as')) return false;
  // "a parent lacks insight" is anyone; "how do we work with a hostile father" is this one.
  if (INDEFINITE.has(T[p].lower)) return !attributive;
  // "the families", "their carers" are someone's; "some families", "many parents" are not.
  const owned = T.slice(p, h).some((t) => (t.cat === 'DET' && !QUANTIFIERS.has(t.lower)) || t.cat === 'POS' || POSSESSIVES.has(t.lower));
  return !owned && (GENERIC_PLURALS.has(T[h].lower) || (GENERIC_BEFORE_WHO.has(T[h].lower) && /^(?:who|that)$/.test(T[h + 1]?.lower ?? '')));
}

/** What a mention at [start, end) of a sentence attaches to, or null when that cannot be told. */
export function attachment(sentence: string, start: number, end: number, lists: SenseLists): Attachment | null {
  // A label at the start of a sentence is capitalised, and a tagger then reads it as a name.
  const tagged = winkTokens(start === 0 ? sentence.charAt(0).toLowerCase() + sentence.slice(1) : sentence);
  return tagged ? attachIn(tagged, start, end, lists) : attachIn(listTokens(sentence), start, end, lists);
}
