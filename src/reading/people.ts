import { termPattern, allMatches } from '../text/terms.ts';
import { isCommonNoun, isVerbForm } from './lexicon/index.ts';
import { isShortForm, sexOfGivenName } from './lexicon/given-names.ts';
import type { Sentence } from './sentences.ts';

/**
 * The `people:` section of a pack: words that refer to a woman or a man (mother, Ms, she; father,
 * Mr, he). A staleness rule with `same_person: true` uses them to tell whether an event and a
 * later claim are about the same parent: "mother completed Triple P" does not make "father has
 * not completed a parenting course" out of date. Lists from every pack are joined.
 */
export interface PeopleWords {
  female?: string[];
  male?: string[];
  /** Relatives who are not the child's parents (grandmother, uncle…): a statement about one is not about a parent. */
  relatives?: string[];
}

const list = { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 };

export const PEOPLE_SECTION_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  description: 'Words that refer to a woman or a man, for staleness rules with same_person: true; lists from every pack are joined.',
  properties: {
    female: { ...list, description: 'Words for a woman: mother, mum, Ms, Mrs, she, her…' },
    male: { ...list, description: 'Words for a man: father, dad, Mr, he, his…' },
    relatives: {
      ...list,
      description: 'Relatives other than the parents (grandmother, uncle, aunt…): a statement about one is not about a parent of the same sex and surname.',
    },
  },
};

export type Sex = 'female' | 'male';

/** Who a statement is about: the sex of the nearest person word and, after a title, the surname. */
export interface Person {
  sex: Sex | null;
  /** "Reid" for "Mr Reid", lower-cased; null when the person is not named with a title. */
  surname: string | null;
  /** Named as a relative other than a parent ("uncle", "maternal grandmother, Mrs Fraser"). */
  relative?: boolean;
  /** The person word as the record writes it ("mother", "Ms", "she"), for the fact sheet. */
  word?: string;
  /** Title and surname as the record writes them ("Ms Barton"), or the name ("Ryan Tait", "Sean"), when the person is named so. */
  name?: string;
  /** A given name ("sean" for "Sean's cocaine use", "Rebecca NOLAN"), lower-cased. */
  given?: string;
}

/** Capitalised words that start sentences, clauses or headings, and are never a given name. */
const NOT_GIVEN = new Set(
  (
    'the a an this that these those there then because given with until when while if as since after before during following although though however but and or so ' +
    'also both either neither each every all some any no not she he they we you it his her their our my your i me him them us further re dear regards thanks ' +
    'today yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday mondays tuesdays wednesdays thursdays fridays saturdays sundays weekends january february march april may june july august september october ' +
    'november december please present apologies outcome decision action actions plan summary note notes police health school education nursery court chair ' +
    'family social worker manager team children child parents parent update email letter visit meeting review conference discussion agreed case child’s ' +
    // Words that open sentences in notes and letters: connectives, comment adverbs, headings.
    'accordingly additionally afterwards again although consequently currently finally firstly secondly thirdly furthermore hence importantly initially ' +
    'instead lastly later meanwhile moreover nevertheless nonetheless notably otherwise overall previously recently similarly subsequently therefore thus ' +
    'unfortunately fortunately regrettably sadly thankfully clearly evidently overnight yet still sorry hello hi regards kind best fyi attendees agenda ' +
    'minutes background analysis recommendation recommendations risk risks strengths concerns views next date time venue signed total present ' +
    // The fields of forms and results tables ("Result: negative", "Subject: Katherine DOYLE").
    'result results subject patient sample donor client name address ref reference status type source comment comments findings conclusion ' +
    'opinion interpretation method test tests category level score medication consent legal housing employment'
  ).split(' '),
);
/** A capitalised word, then perhaps a nickname in brackets and a surname: "Rebecca ("Becky") Nolan", "Ryan Tait", "Sean", "Daniel BROOK". */
const NAME =
  /(?<![\p{L}\p{N}_])(?<![\p{L}\p{N}]['’])(\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}\p{Ll}+)?)(?:\s+\(["“'‘]?(\p{Lu}\p{Ll}+)["”'’]?\))?(?:\s+(\p{Lu}(?:\p{Lu}+|\p{Ll}+(?:\p{Lu}\p{Ll}+)?|['’]\p{Lu}\p{Ll}+)(?:[-'’]\p{Lu}(?:\p{Lu}+|\p{Ll}+))?)(?![\p{L}]))?/gu;
/** What stands after a name used of a person: a possessive, a verb, a dash or colon (a list of results), a comma or "and". */
const AFTER_NAME =
  /^(?:['’]s(?![\p{L}])|\s+(?:(?:still|now|also|never|often|usually|always|currently|then|only|regularly|sometimes|no longer) )?(?:is|was|has|had|does|did|will|would|can|cannot|could|may|remains|continues|uses|used|drinks|said|says|told|tells|admitted|admits|denied|denies|reported|lives|lived|attended|attends|completed|collects|started|moved|agreed|and|discharged|released|returned|went|left|finished|gave|tested|refused|declined|missed|engaged|separated|stopped|began|continued|phoned|rang|visited|arrived|seemed|appeared|presented|feels|felt|spent|stayed|needs|wants|wanted|became|remained|got|showed|shows|explained|explains|brought|brings|took|takes|came|comes|works|worked|keeps|kept|sent|sends|asked|asks|confirmed|confirms|looks|looked|made|makes)(?![\p{L}])|\s*[–—:]|\s+-\s|,)/u;
/** A letter's greeting, up to its comma or the end of its line ("Dear Ms Thomas,"). */
// (Or an email's opening name and comma before a note to its reader, "Dean, confirming Kyle started…";
// not a parent's role or a connective, "Mum, I am told, has relapsed", "However, …".)
export const GREETING =
  /^\s*(?:[Dd]ear|[Hh]i|[Hh]ello|DEAR|HI|HELLO)\s+[^,\n.]{1,60}(?:,|$)|^\s*(?!(?:Mum|Dad|Mam|Nan|Gran|Mother|Father|However|Also|So|Well|Yes|No|Sorry|Thanks|Note)\b)\p{Lu}\p{Ll}+,\s+(?=(?:just|thanks|thank you|confirming|following up|further to|as promised|as discussed|quick update|please|hope)\b)/u;
/** How the words of form fields end (Admitted, Discharged, Diagnosis, Medication, Attendance, Outcome): not how given names do. */
const FIELD_WORD = /(?:ed|ing|ion|sis|ment|ance|ence|ity|ness|ure|ary|ory|ous|ive|ship|al|up|ome)$/i;
/** A title before a given name and a surname, or a parent's role in brackets after a given name. */
const SEXED =
  /(?:\b(Mr|Ms|Mrs|Miss) (\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?) \p{Lu}[\p{L}'’-]+|\b(?<![\p{L}])(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)(?: \p{Lu}[\p{L}'’-]+)? \((mother|mum|father|dad|stepfather|stepmother|grandmother|grandfather|maternal grandmother|paternal grandmother|maternal grandfather|paternal grandfather|aunt|uncle)\b)/gu;
const FEMALE_ROLE = /^(?:mother|mum|stepmother|grandmother|maternal grandmother|paternal grandmother|aunt)$/;
const KNOWN_AS = /(\p{Lu}[\p{Ll}]+)(?:\s+\p{Lu}[\p{L}'’-]+)?,?\s+(?:known as|called|aka)\s+["“'‘]?(\p{Lu}[\p{Ll}]+)/gu;

/**
 * What a case's records say about names: the surname that goes with a given name ("Sean Nolan"),
 * and nicknames ("Rebecca ("Becky") Nolan", "Rebecca, known as Becky"), gathered from every
 * record of the case, so that "Becky's drug use" and a result for "Rebecca NOLAN" are one person
 * and "Sean's cocaine use" another.
 */
export class NameBook {
  private readonly surnames = new Map<string, string>();
  private readonly groups = new Map<string, Set<string>>();
  private readonly sexes = new Map<string, Sex | null>();

  add(text: string): void {
    // A given name's sex, where the records give it: a title before it ("Ms Kerry-Ann Doyle"), or
    // a role in brackets after it ("Kerry-Ann (mother)"). Two different answers leave it unknown.
    for (const m of allMatches(SEXED, text)) {
      const sex: Sex = /^(?:Ms|Mrs|Miss)$/.test(m[1] ?? '') || FEMALE_ROLE.test(m[4] ?? '') ? 'female' : 'male';
      const given = (m[2] ?? m[3]).toLowerCase();
      const known = this.sexes.get(given);
      this.sexes.set(given, known === undefined || known === sex ? sex : null);
    }
    for (const m of nameMatches(text)) {
      const given = m[1].toLowerCase();
      const nick = m[2]?.toLowerCase();
      const surname = m[3] && !isCommonNoun(m[3].toLowerCase()) && !NOT_GIVEN.has(m[3].toLowerCase()) ? m[3].toLowerCase() : null;
      if (nick) this.join(given, nick);
      if (surname) {
        if (!this.surnames.has(given)) this.surnames.set(given, surname);
        if (nick && !this.surnames.has(nick)) this.surnames.set(nick, surname);
      }
    }
    for (const m of allMatches(KNOWN_AS, text)) this.join(m[1].toLowerCase(), m[2].toLowerCase());
  }

  surnameOf(given: string): string | null {
    return this.surnames.get(given) ?? null;
  }

  /**
   * The sex the records give a given name (or any of its nicknames), if they give one; else the
   * sex the name almost always has (`lexicon/given-names.ts`), if it is a common one.
   */
  sexOf(given: string): Sex | null {
    for (const name of this.groups.get(given) ?? [given]) {
      const sex = this.sexes.get(name);
      if (sex) return sex;
    }
    // (A name the records give both sexes, null in `sexes`, stays unknown.)
    return this.sexes.has(given) ? null : sexOfGivenName(given);
  }

  /** One name for a given name and its nicknames (the first in alphabetical order). */
  canonical(given: string): string {
    const group = this.groups.get(given);
    return group ? [...group].sort()[0] : given;
  }

  /** The same given name, one the records give as the other's nickname, or an everyday short form of it (Jo, Joanne). */
  same(a: string, b: string): boolean {
    return a === b || (this.groups.get(a)?.has(b) ?? false) || isShortForm(a, b);
  }

  private join(a: string, b: string): void {
    const group = new Set([...(this.groups.get(a) ?? [a]), ...(this.groups.get(b) ?? [b])]);
    for (const w of group) this.groups.set(w, group);
  }
}

/** Names in a text: where a capitalised word is not a given name ("Given Jayden's…"), the next word is tried. */
function nameMatches(text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  NAME.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NAME.exec(text))) {
    if (isGiven(m[1])) out.push(m);
    else NAME.lastIndex = m.index + m[1].length;
  }
  NAME.lastIndex = 0;
  return out;
}

function isGiven(word: string): boolean {
  const lower = word.toLowerCase();
  // (A common noun that is also a common given name, "Mark", "Rose", "Grace", is a name when capitalised.)
  return (
    !NOT_GIVEN.has(lower) &&
    !TITLES.has(lower) &&
    // (A note that opens with its verb, "Advised Kerry is…", "Confirmed Dean has…", names the next word.)
    !isVerbForm(lower) &&
    (!isCommonNoun(lower) || (sexOfGivenName(lower) !== null && /^\p{Lu}\p{Ll}/u.test(word))) &&
    !/^(?:mum|dad|mother|father|nan|grandma|grandad)/.test(lower)
  );
}

const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx']);
/** Someone's partner: a possessive and the word ("Mum's partner", "her new partner"). */
const PARTNER_OF = /(?:['’]s|\b(?:her|his|their))\s+(?:new\s+|current\s+|latest\s+)?(partner)(?![\p{L}\p{N}_-])/giu;
const ORGANISATION_WORDS =
  'Approach|Programmes?|Program|Courses?|Years|Dads|Mums|Analysis|Services?|Ltd|Limited|Laborator(?:y|ies)|Labs?|Trust|Council|Centre|Center|Clinic|Team|Hospital|Practice|Surgery|School|Academy|College|Police|Court|Housing|Association|Group|Partnership|Project|Toxicology|Forensics?|Solutions|Foundation|Charity|Network|Unit|Recovery|Health|Care|Nursery|Homes?|Logistics|Transport|Haulage|Freight|Construction|Engineering|Motors|Foods|Industries|Supplies|Stores|Retail|Hotels?|Garage|Distribution|Cleaning|Security|Systems|Enterprises|Holdings|Plc|PLC|LLP|Bank|Pharmacy|Cafe|Café|Restaurant|Bakery|Warehouse|Manufacturing|Recruitment|Agency|Estates|Lettings|Builders|Contractors|CMHT|CAMHS|CYPMHS|NHS|HMP|HMYOI|CPS|PRU|IAPT|EIP|YOT|MASH|ICB|CCG|Medical|Wellbeing|Primary|Infants|Juniors|Secondary|Grammar|Arms|Inn';
/** A word that names an organisation, not a person. */
const ORGANISATION = new RegExp(`^(?:${ORGANISATION_WORDS})$`, 'u');
/** An organisation's word within the next two capitalised words. */
const ORGANISATION_AFTER = new RegExp(`^\\s+(?:\\p{Lu}[\\p{L}&'’-]*\\s+){0,2}(?:${ORGANISATION_WORDS})(?![\\p{L}])`, 'u');
/** …or a programme, course or service named in lower case after it ("the Kindred Roots programme"). */
const SCHEME_AFTER = /^\s+(?:\p{Lu}[\p{L}&'’-]*\s+){0,2}(?:programme|program|course|group|project|service|clinic|centre|scheme|workshop|sessions)(?![\p{L}])/u;
/** Between a name and a role word that only renames them: ", the maternal ", ", mum's ". */
const APPOSITION = /^,\s+(?:the|his|her|their|a|an|[\p{L}-]+['’]s)\s+(?:[\p{L}-]+\s+)?$/u;
/** A clause ends at punctuation or a conjunction: a person named after it may be someone else. */
const CLAUSE_END = /[,;:()–—]|\s(?:and|but|or|while|whilst|whereas|although|because)\s/u;

/**
 * The given name that is the subject of the clause a statement stands in ("Leah Fletcher remains
 * subject to a care order" → leah): the last name before it in its sentence that is followed by
 * a verb, not a possessive, a title or a role word; null when there is none.
 */
export function subjectNameBefore(textBefore: string): string | null {
  let found: string | null = null;
  for (const m of textBefore.matchAll(SUBJECT_NAME)) {
    // A note that opens with its verb ("Advised Maisie is on a plan", "Confirmed Tyler is…") names
    // the second word.
    const word = m[2] && isVerbForm(m[1].toLowerCase()) ? m[2] : m[1];
    if (NOT_GIVEN.has(word.toLowerCase()) || TITLES.has(word.toLowerCase()) || ROLES.test(word)) continue;
    const lead = textBefore.slice(0, m.index).trim().split(/\s+/).pop()?.toLowerCase().replace(/\.$/, '') ?? '';
    if (TITLES.has(lead)) continue;
    // Children named together ("Kai and Jade remain in foster care"): the statement is about more than one.
    found = /\p{Lu}\p{Ll}+(?:,|\s+and|\s*&)\s+$/u.test(textBefore.slice(0, m.index)) ? null : word.toLowerCase();
  }
  return found;
}

/** A capitalised name, an optional surname, and a verb after it, or after what is theirs ("Finley's attendance remains…"). */
const SUBJECT_NAME =
  /(?<![\p{L}'’-])(\p{Lu}\p{Ll}+)(?:\s+(\p{Lu}(?:[\p{L}-]|['’](?!s\b))+))?(?:['’]s(?:\s+[\p{Ll}-]+){1,3})?\s+(?=(?:is|are|was|were|remains|remain|continues|has|had|will|lives|stays|attends|still)\b)/gu;

/** Words for people by their role, which are not names ("Mother continues to…"). */
const ROLES =
  /^(?:mother|father|mum|mummy|mam|mom|dad|daddy|nan|nana|nanna|gran|granny|grandma|grandmother|grandfather|grandad|granddad|stepmother|stepfather|stepmum|stepdad|carer|carers|parent|parents|sister|brother|aunt|auntie|uncle|baby|child|children|partner|husband|wife|boyfriend|girlfriend)$/i;

/** A verb of saying after a person: they report what follows. */
const REPORTS =
  /^(?:\s+\p{Lu}[\p{L}'’-]+)?\s+(?:has |had )?(?:told (?:me|us|the [\p{L}-]+)|said|says|tells (?:me|us)|reported|reports|explained|confirmed|informed (?:me|us))(?:\s+(?:me|us))?\s+(?:that\s+)?/u;

const FEMALE_WORDS =
  /(?<![\p{L}])(?:she|her|hers|herself|mother|mum|mummy|mam|mom|ms|mrs|miss|grandmother|grandma|nan|nanna|stepmother|stepmum|sister|aunt|daughter|wife|girlfriend|woman)(?![\p{L}])/giu;
const MALE_WORDS =
  /(?<![\p{L}])(?:he|him|his|himself|father|dad|daddy|mr|grandfather|grandad|granddad|stepfather|stepdad|brother|uncle|son|husband|boyfriend|man)(?![\p{L}])/giu;

/**
 * The sex of the person a statement at `at` in a sentence is about, from the nearest word for a
 * woman or a man before it (else the first after it): "Dad's cannabis use" → male. A lighter
 * reading than PersonFinder's, for checks that have no `people:` words of their own; null when the
 * sentence has none.
 */
export function sexNear(sentence: string, at: number): Sex | null {
  let before: { at: number; sex: Sex } | null = null;
  let after: { at: number; sex: Sex } | null = null;
  for (const [re, sex] of [
    [FEMALE_WORDS, 'female'],
    [MALE_WORDS, 'male'],
  ] as const) {
    for (const m of allMatches(re, sentence)) {
      if (m.index! < at) {
        if (!before || m.index! > before.at) before = { at: m.index!, sex };
      } else if (!after || m.index! < after.at) after = { at: m.index!, sex };
    }
  }
  return (before ?? after)?.sex ?? null;
}

/** Personal pronouns, which stand for the person named before them. */
export const PRONOUNS: ReadonlySet<string> = new Set(['he', 'she', 'him', 'her', 'his', 'hers', 'himself', 'herself']);

/** A person's place after their name or role: "'s address", "'s flat in Ledbury". */
const PLACE_OF = /^['’]s\s+(?:[\p{L}-]+\s+)?(?:address|house|home|flat|property|place|caravan)(?![\p{L}])/u;

/** Finds who a statement is about, by the nearest word for a woman or a man in its sentence. */
export class PersonFinder {
  private readonly regex: RegExp | null;
  private readonly sexOf = new Map<string, Sex>();
  private readonly relatives = new Set<string>();
  private readonly relativeBefore: RegExp | null;

  constructor(sections: PeopleWords[]) {
    const all: { word: string; sex: Sex }[] = [];
    for (const s of sections) {
      for (const sex of ['female', 'male'] as const) for (const word of s[sex] ?? []) all.push({ word, sex });
    }
    for (const { word, sex } of all) this.sexOf.set(key(word), sex);
    const relatives = sections.flatMap((s) => s.relatives ?? []);
    for (const r of relatives) this.relatives.add(key(r));
    // A relative's role just before a name renames it: "paternal uncle Shane Adams", "grandmother, Mrs Fraser".
    this.relativeBefore = relatives.length
      ? new RegExp(`(?<![\\p{L}\\p{N}_])(?:${relatives.map(termPattern).join('|')})[,\\s]+(?:[\\p{Lu}][\\p{L}'’-]*\\s+)?$`, 'iu')
      : null;
    const words = [...new Set(all.map((a) => a.word))].sort((a, b) => b.length - a.length);
    this.regex = words.length ? new RegExp(`(?<![\\p{L}\\p{N}_])(?:${words.map(termPattern).join('|')})(?![\\p{L}\\p{N}_])`, 'giu') : null;
  }

  /**
   * Who a statement (offsets in the record) is about: the last person word before it in its
   * sentence, else the first one in it or after it within its clause; null when there is none
   * (then the statement is taken to be about anyone).
   */
  find(sentence: Sentence, start: number, end: number, notGiven?: string): Person | null {
    if (!this.regex) return null;
    const from = start - sentence.start;
    const to = end - sentence.start;
    const rest = sentence.text.slice(to);
    const clauseEnd = to + (CLAUSE_END.exec(rest)?.index ?? rest.length);
    let before: Person | null = null;
    let after: Person | null = null;
    let inside: Person | null = null;
    let titledEnd = -1;
    let lastNamed: Person | null = null;
    let child: Person | null = null;
    let anyoneElse = false;
    // A letter's greeting names whom it is written to, not whom the sentence after it is about
    // ("Dear Ms Marlow, Rhys started with us today").
    // (Unless the sentence speaks to them: "Dear Ms Thomas, I have discharged you".)
    const greeting = /\b(?:you|your)\b/i.test(sentence.text) ? -1 : (GREETING.exec(sentence.text)?.[0].length ?? -1);
    for (const { at, length, person } of this.mentions(sentence.text)) {
      if (at < greeting && greeting < from) continue;
      // A given name to pass over (the child's own, for a statement about a parent).
      if (notGiven && person.given === notGiven) {
        child ??= person;
        continue;
      }
      anyoneElse = true;
      // "Mr Grant, the maternal grandfather, has…", "Ryan Tait, mum's partner, has…": the role in apposition is still the person named.
      const gap = sentence.text.slice(titledEnd, at);
      const named = (p: Person | null) => !!(p?.surname || p?.given);
      if (named(before) && !named(person) && (APPOSITION.test(gap) || (/^,\s+$/.test(gap) && /^['’]s\s/.test(sentence.text.slice(at + length))))) continue;
      if (named(person)) titledEnd = at + length;
      // "at his mother's address" is a place, not who the statement is about.
      if (PLACE_OF.test(sentence.text.slice(at + length))) continue;
      // Someone who reports the statement ("Jodie told me that Mark started work") is not who it is
      // about, when someone else is named after them and before it.
      if (at < from && REPORTS.test(sentence.text.slice(at + length)) && this.mentions(sentence.text.slice(at + length, from)).length) continue;
      if (at < from) {
        // A pronoun after a name in the same sentence stands for it ("Sean's cocaine use is a risk
        // because of his care when under the influence"), when their sexes do not differ.
        const pronoun = PRONOUNS.has(person.word?.toLowerCase() ?? '');
        const name: Person | null = named(before) ? before : lastNamed;
        if (pronoun && name && (!name.sex || !person.sex || name.sex === person.sex)) before = { ...name, sex: name.sex ?? person.sex };
        else before = person;
        if (named(person)) lastNamed = person;
      } else {
        // A person named inside the statement's own words is who it is about ("…spend time with her
        // father unsupervised"), before anyone named ahead of it.
        if (inside === null && at < to && !PRONOUNS.has(person.word?.toLowerCase() ?? '')) inside = person;
        if (after === null && at < clauseEnd) after = person;
      }
    }
    if (inside) return inside;
    // A sentence that names only the child is about the child ("the allegation against Tyler Ward
    // has been closed with no further action").
    return before ?? after ?? (anyoneElse ? null : child);
  }

  /** The person nearest the end of a sentence (for a statement in the next one that names nobody), or null. */
  last(sentence: Sentence, notGiven?: string): Person | null {
    // (Passing over a given name where the sentence names anyone else: "…with Ms Pryce … for Otto's appointments.")
    return this.find(sentence, sentence.end, sentence.end, notGiven);
  }

  /** Person words and names in a sentence, in order: where each starts, how long it is, and who. */
  private mentions(text: string): { at: number; length: number; person: Person }[] {
    const out: { at: number; length: number; person: Person }[] = [];
    const titled: [number, number][] = [];
    for (const m of allMatches(this.regex!, text)) {
      // A title is one only with its capital ("Miss Reid", not "did not miss a day").
      if (TITLES.has(m[0].toLowerCase()) && !/^\p{Lu}/u.test(m[0])) continue;
      const named = surnameAfter(m[0], text.slice(m.index! + m[0].length));
      const relative = this.isRelative(m[0], text, m.index!);
      const person: Person = { sex: this.sexOf.get(key(m[0])) ?? null, surname: named?.surname ?? null, relative, word: m[0] };
      if (named) {
        person.name = `${m[0]} ${named.written}`;
        titled.push([m.index!, m.index! + m[0].length + named.length]);
      }
      out.push({ at: m.index!, length: m[0].length + (named?.length ?? 0), person });
    }
    // Someone's partner is someone else ("Mum's partner Shaun drinks most days", "her partner"):
    // not a parent of the case, whoever they are the partner of.
    for (const m of allMatches(PARTNER_OF, text)) {
      const at = m.index! + m[0].length - m[1].length;
      if (!out.some((o) => o.at === at))
        out.push({ at, length: m[1].length, person: { sex: this.sexOf.get(key(m[1])) ?? null, surname: null, relative: true, word: m[1] } });
    }
    for (const m of nameMatches(text)) {
      const at = m.index!;
      // Not a surname after a title, not a person word ("Mum"), and used as a name: possessive, subject, a row of results.
      if (titled.some(([a, b]) => at >= a && at < b) || out.some((o) => o.at === at) || !isGiven(m[1])) continue;
      const surname = m[3] && isGiven(m[3]) ? m[3] : null;
      const end = at + (m[3] ? m[0].slice(0, m[0].lastIndexOf(m[3])).trimEnd().length : m[0].length);
      // (A known given name that ends a clause after a preposition is a person too: "sample taken from Leanne.")
      const closing =
        /^\s*(?:[.;!?)]|$)/.test(text.slice(end)) &&
        /\b(?:from|by|for|with|to|about|of)\s+$/i.test(text.slice(0, at)) &&
        sexOfGivenName(m[1].toLowerCase()) !== null;
      if (!surname && !AFTER_NAME.test(text.slice(end)) && !closing) continue;
      // A form's field before its colon is not a name ("Discharged: 04/05/2023", "Diagnosis: …").
      if (!surname && FIELD_WORD.test(m[1]) && sexOfGivenName(m[1].toLowerCase()) === null && /^\s*[:–—]/.test(text.slice(end))) continue;
      // An organisation's name, not a person's ("Trident Forensic Analysis", "Riverside Family Centre").
      if (ORGANISATION.test(m[1]) || (surname && ORGANISATION.test(surname)) || ORGANISATION_AFTER.test(text.slice(end))) continue;
      // (Nor a name after "the": "the Kindred Roots programme", "the Brindle Arms".)
      if (SCHEME_AFTER.test(text.slice(end)) || /(?<![\p{L}])the\s+$/u.test(text.slice(Math.max(0, at - 5), at))) continue;
      const written = surname ? `${m[1]} ${surname.charAt(0)}${surname.slice(1).toLowerCase()}` : m[1];
      out.push({
        at,
        length: surname ? m[0].length : end - at,
        person: {
          sex: null,
          surname: surname?.toLowerCase() ?? null,
          given: m[1].toLowerCase(),
          relative: this.isRelative(m[1], text, at),
          word: m[1],
          name: written,
        },
      });
    }
    out.sort((a, b) => a.at - b.at);
    // A possessive before a person word is not someone itself: "her father" is the father.
    return out.filter((o, i) => !(/^(?:her|his|their)$/i.test(o.person.word ?? '') && out[i + 1] && /^\s+$/.test(text.slice(o.at + o.length, out[i + 1].at))));
  }

  private isRelative(word: string, text: string, at: number): boolean {
    return this.relatives.has(key(word)) || (this.relativeBefore?.test(text.slice(Math.max(0, at - 40), at)) ?? false);
  }
}

/**
 * Two statements may be about the same person unless their sexes differ, their surnames do
 * ("Mr Pike", "Mr Grant"; a given name's surname from the case's records), their given names
 * do and neither is the other's nickname, or one is a relative other than a parent and the other
 * is not (unless both give the same name).
 */
export function samePerson(a: Person | null, b: Person | null, names?: NameBook): boolean {
  // A statement that names nobody is taken to be about a parent: it may match anyone but a named relative.
  if (!a || !b) return !(a ?? b)?.relative;
  const sexA = a.sex ?? (a.given ? (names?.sexOf(a.given) ?? null) : null);
  const sexB = b.sex ?? (b.given ? (names?.sexOf(b.given) ?? null) : null);
  if (sexA && sexB && sexA !== sexB) return false;
  // (A relative's role beside a name does not make them someone else: "Your partner Kyle Marsh" is Kyle.)
  const sameGiven = !!a.given && !!b.given && (names ? names.same(a.given, b.given) : a.given === b.given);
  if (!sameGiven && (a.relative ?? false) !== (b.relative ?? false)) return false;
  const surnameA = a.surname ?? (a.given ? (names?.surnameOf(a.given) ?? null) : null);
  const surnameB = b.surname ?? (b.given ? (names?.surnameOf(b.given) ?? null) : null);
  if (surnameA && surnameB && surnameA !== surnameB) return false;
  if (a.given && b.given && !(names ? names.same(a.given, b.given) : a.given === b.given)) return false;
  return true;
}

/** The surname after a title ("Mr Reid's" → reid), and how many characters it took. */
function surnameAfter(word: string, rest: string): { surname: string; written: string; length: number } | null {
  if (!TITLES.has(word.toLowerCase())) return null;
  // The last of the capitalised words after the title: "Mrs Margaret Fraser" is Fraser.
  const m = /^\.?\s+(?:\p{Lu}[\p{L}-]*\s+(?=\p{Lu}))?(\p{Lu}[\p{L}-]*(?:['’](?!s(?![\p{L}]))[\p{L}]+)?)/u.exec(rest);
  return m ? { surname: m[1].toLowerCase(), written: m[1], length: m[0].length } : null;
}

function key(word: string): string {
  return word.toLowerCase().replace(/[-\s]+/g, '');
}

/** Someone who speaks for an agency in a record: a worker, a service, a meeting. */
const PROFESSIONAL =
  /(?<![\p{L}])(?:social worker|SW|SWs|worker|practitioner|team manager|manager|TM|PS|practice supervisor|supervisor|school|schools|teacher|class teacher|head|headteacher|head teacher|head of year|DSL|SENCO|nursery|pre-school|college|HV|health visitor|health|nurse|school nurse|midwife|GP|Dr|doctor|paediatrician|consultant|psychiatrist|psychologist|therapist|CAMHS|CMHT|chair|conference|core group|panel|IRO|police|officer|officers|PC|DC|DS|PCSO|probation|offender manager|YOT|guardian|CAFCASS|Cafcass|EWO|FSW|family support worker|support worker|key worker|keyworker|housing|housing officer|landlord|solicitor for the local authority|local authority|LA|agency|agencies|professionals|the report|the assessment|the referral|our records|our summary|our file)(?![\p{L}])/u;
/** Words of a belief or a position, which stay the believer's own whoever holds them. */
const BELIEF =
  /(?<![\p{L}])(?:believes?|believed|thinks?|thought|feels?|felt|is sure|are sure|was sure|suspects?|suspected|fears?|feared|worries|position|view|opinion|convinced|insists?|insisted|claims?|claimed|alleges?|alleged|maintains?|maintained|accepts?|denies|denied|disputes?|still believe|hopes?|wonders?)(?![\p{L}])/iu;
/** Someone in the family: what they say is their account, not the record's. */
const FAMILY =
  /(?<![\p{L}])(?:mum|mother|mam|dad|father|parents?|nan|nana|gran|grandma|grandmother|grandad|grandfather|aunt|auntie|uncle|partner|stepfather|stepmother|stepdad|stepmum|sister|brother|son|daughter|wife|husband|boyfriend|girlfriend|child|children|neighbour|friend|Mr|Mrs|Ms|Miss)(?![\p{L}])/iu;

/**
 * Whether an account in a record, told as someone's ("LD said…", "School: …", "Kai told
 * conference that…"), is the record's own: a professional or the record's author tells it as
 * fact, as minutes and supervision notes do. A belief ("she is sure", "some staff still
 * believe") and anyone in the family, or anyone not known, tell their own view. `source` is the
 * words before the cue in its clause; `cue` the cue ("said", "School:"); `between` the words
 * from the cue to the statement.
 */
export function professionalAccount(source: string, cue: string, between: string, author: string | null, roles?: Map<string, string>, earlier = ''): boolean {
  // (Nor an account that denies it: "the paediatrician concluded that there is no concern about FII".)
  if (BELIEF.test(cue) || BELIEF.test(between) || /(?<![\p{L}])(?:no|not|never|nothing|none|without|nor)(?![\p{L}])|n['’]t\b/iu.test(between)) return false;
  const heading = /^\s*([^:]{1,40}):\s*$/.exec(cue);
  let who = (heading ? heading[1] : source).trim();
  if (!who) return false;
  // A pronoun stands for the last person named before it whose part the record gives ("Kai
  // summarised the report. He told conference that…", with "Kai Adeyemi-Clarke (SW)" among those present).
  if (roles && /^(?:he|she)$/i.test(who)) {
    const named = [...earlier.matchAll(/\p{Lu}[\p{L}'’-]+/gu)]
      .map((m) => m[0])
      .reverse()
      .find((w) => roles.has(w.toLowerCase()));
    if (!named) return false;
    who = named;
  }
  if (authorNamed(who, author)) return true;
  // A person the record lists with their part ("Present: Kai Adeyemi-Clarke (SW), Carys Yeardley (mother)").
  const part = roles && (who.match(/\p{Lu}[\p{L}'’-]+/gu) ?? []).map((w) => roles.get(w.toLowerCase())).find((r) => r !== undefined);
  if (part) return PROFESSIONAL.test(part) && !FAMILY.test(part);
  // (A worker named with a title is known by their service: "Mrs Oakes from the school".)
  if (PROFESSIONAL.test(who)) return true;
  if (FAMILY.test(who)) return false;
  // A heading that names a topic, not a person ("Finances:", "Work and money:").
  if (heading) {
    const first = who.split(/\s+/)[0].toLowerCase();
    return isCommonNoun(first) && !isGiven(who.split(/\s+/)[0]);
  }
  return false;
}

/** Each name a record gives with its part in brackets ("Kai Adeyemi-Clarke (SW)", "Carys Yeardley (mother)"): every word of the name, lower-cased, to the part. */
export function rolesIn(text: string): Map<string, string> {
  const roles = new Map<string, string>();
  for (const m of text.matchAll(/((?:\p{Lu}[\p{L}'’-]+ ){0,2}\p{Lu}[\p{L}'’-]+) \(([^()\n]{1,40})\)/gu)) {
    for (const w of m[1].split(' ')) if (!TITLES.has(w.toLowerCase()) && !roles.has(w.toLowerCase())) roles.set(w.toLowerCase(), m[2]);
  }
  return roles;
}

/** The record's author named by given name, surname or initials ("Tobiah said", "LD said"). */
function authorNamed(who: string, author: string | null): boolean {
  if (!author) return false;
  const names = (author.split(/[,(]/)[0].match(/\p{Lu}[\p{L}'’-]+/gu) ?? []).filter((w) => !TITLES.has(w.toLowerCase()));
  if (!names.length) return false;
  const initials = names.map((w) => w[0]).join('');
  const words: string[] = who.match(/[\p{L}'’-]+/gu) ?? [];
  const last = words.at(-1) ?? '';
  return (initials.length >= 2 && last === initials) || names.some((n) => n.length > 1 && words.includes(n));
}
