import { termPattern } from '../../text/terms.ts';
import type { CanonicalRecord } from '../../model/record.ts';
import { familyName, firstName, readNumber, type FormMatch } from './subject-forms.ts';

/**
 * Another child in the text, whether or not that child is in the export: a capitalised word that
 * a form places as the child of the record ("I did a wishes-and-feelings exercise with Kacper",
 * "Kacper is in Year 4", "Kacper said he misses his nan") and that the case does not otherwise
 * account for. What makes the word a child is the form (the grammar and context around it), never
 * a list of names. What makes it someone the case knows:
 *
 * - a subject of the case's records (any of the words of their names), or an author's first name;
 * - a role or relation beside it anywhere in the case ("health visitor Sarah", "Sarah (HV)",
 *   "her brother Yusuf", "the family cat, Milo", "a girl called Jess", "Mr Kowalski", "St Mary's"),
 *   or standing with the subject's own name ("Ellie and Alfie");
 * - any mention of it in another record of the case that is not itself a form's match (a sibling
 *   or a friend the family talks about is named more than once, in more than one way).
 *
 * And the place itself is not read when the word is someone else's words (inside a quotation, or
 * after a reporting verb earlier in its sentence: "Lucas said his friend Ethan is sociable"), when
 * it is a surname (after another capitalised word), an adult's age (18 or more), a word the
 * record also writes in lower case ("Nursery", "school"), an acronym, or one of `not_names`.
 */
export interface OtherChildWords {
  /** Words for a role or relation: a capitalised word beside one is a known person (or pet). */
  roles: string[];
  /** Reporting verbs: a name after one in its sentence is in someone's reported words. */
  reporting: string[];
  /** Capitalised words that are never a child's first name here (Mum, Nursery, Today…). */
  not_names?: string[];
}

/** A capitalised word, hyphenated parts included (as the forms' name slot reads one). */
const CAPITALISED = /(?<![\p{L}\p{N}_'’-])\p{Lu}[\p{L}'’]*(?:-\p{L}[\p{L}'’]*)*/gu;
const TITLES = /(?:^|[^\p{L}])(?:mr|mrs|ms|miss|mx|dr|prof|pc|dc|ds|di|sgt|cllr|st|saint|sir|dame|rev|nurse)\.?\s+$/iu;
const SENTENCE_START = /(?:^|[.!?:;\n]\s*|[“"‘(]\s*)$/u;
/** A verb that may start a note's sentence before a name ("Visited Kacper", "Saw Kacper at school"). */
const STARTING_VERB = /^(?:\p{L}+ed|saw|met|see|meet|took|gave|told|asked|let|made|spoke|left|found|brought|sent|rang|phoned|thanked)$/iu;
/** Matches with a greater age are adults. */
const ADULT_YEARS = 18;

export function nameKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/['’]s$/, '')
    .replace(/[-\s]+/g, '');
}

/** Reads a record for what a case knows: role-named people, and the plain mentions of capitalised words. */
export class CaseReader {
  private readonly roleBefore: RegExp;
  private readonly roleAfter: RegExp;
  private readonly reporting: RegExp;
  private readonly notNames: Set<string>;

  constructor(words: OtherChildWords) {
    const roles = [...new Set(words.roles)].sort((a, b) => b.length - a.length).map(termPattern).join('|');
    // "health visitor Sarah", "her brother, Yusuf", "mum (Danielle)", "a girl called Jess", "cat, Milo"
    this.roleBefore = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${roles})\\s*[,(:–-]?\\s*$`, 'iu');
    // "Sarah (HV)", "Jo Patel, the IRO", "Sarah from CAMHS", "Funmi, who is caring for", "Sarah Okafor (health visitor)"
    this.roleAfter = new RegExp(
      `^(?:\\s+\\p{Lu}[\\p{L}'’-]*)?(?:\\s*\\((?:the |her |his |their |[\\p{L}-]+['’]s )?(?:${roles})(?![\\p{L}])|,\\s+(?:(?:the|her|his|their|our|a|an)\\s+|[\\p{Lu}][\\p{L}-]*['’]s\\s+)(?:[\\p{L}-]+\\s+){0,2}?(?:${roles})(?![\\p{L}])|\\s+from\\s+(?:the\\s+)?\\p{Lu}|,\\s+who\\s+(?:is|was)\\s+(?:caring|looking after|the|a|an|her|his)\\b)`,
      'u',
    );
    this.reporting = new RegExp(`(?<![\\p{L}])(?:${[...new Set(words.reporting)].map(termPattern).join('|')})(?![\\p{L}])`, 'iu');
    this.notNames = new Set((words.not_names ?? []).map((w) => nameKey(w)));
  }

  /**
   * The keys of the capitalised words of a record: those beside a role (known to the case), and
   * the others, less the places in `childAt` (offsets where a form found a child).
   */
  read(record: CanonicalRecord, childAt: Set<number>): { roled: Set<string>; plain: Set<string> } {
    const roled = new Set<string>();
    const plain = new Set<string>();
    const text = record.text;
    const own = firstName(record.subject_name);
    const ownKey = own ? nameKey(own) : null;
    for (const m of text.matchAll(CAPITALISED)) {
      const k = nameKey(m[0]);
      if (k === ownKey || k.length < 2) continue;
      const at = m.index!;
      if (this.roled(text, at, at + m[0].length, ownKey)) roled.add(k);
      else if (!childAt.has(at)) plain.add(k);
    }
    return { roled, plain };
  }

  /** Beside a role or title, or standing with the subject ("Ellie and Alfie", "Alfie and Ellie"). */
  private roled(text: string, start: number, end: number, ownKey: string | null): boolean {
    const before = text.slice(Math.max(0, start - 60), start);
    if (this.roleBefore.test(before) || TITLES.test(before)) return true;
    const after = text.slice(end, end + 80);
    if (this.roleAfter.test(after)) return true;
    if (!ownKey) return false;
    const next = /^\s+(?:and|&)\s+(\p{Lu}[\p{L}'’-]*)/u.exec(after);
    const prev = /(\p{Lu}[\p{L}'’-]*)\s+(?:and|&)\s+$/u.exec(before);
    return (next !== null && nameKey(next[1]) === ownKey) || (prev !== null && nameKey(prev[1]) === ownKey);
  }

  /**
   * Whether a form's match may name another child at all, from the record alone: not the
   * subject, not someone's reported or quoted words, not a surname, title, adult's age,
   * acronym, or a word written in lower case elsewhere in the record.
   */
  possible(record: CanonicalRecord, m: FormMatch): boolean {
    if (!m.name) return false;
    const text = record.text;
    const name = m.name;
    const k = nameKey(name);
    if (k.length < 2 || this.notNames.has(k) || /^\p{Lu}[\p{Lu}\d'’-]+$/u.test(name)) return false;
    if (isOwnName(record, k)) return false;
    if ((m.years && readNumber(m.years) >= ADULT_YEARS) || (m.months && readNumber(m.months) >= ADULT_YEARS * 12)) return false;
    const nameAt = text.indexOf(name, m.start);
    if (nameAt < 0) return false;
    const lead = sentenceLead(text, nameAt);
    if (TITLES.test(lead)) return false;
    // After a preposition of place ("at Tiny Steps"), or before another capitalised word ("Tiny Steps", "Castle Hill"): a place or a full name, not a child's first name used alone.
    if (/(?:^|[^\p{L}])(?:at|in|from|near|into|to)\s+$/iu.test(lead) || /^\s+\p{Lu}[\p{L}'’-]*/u.test(text.slice(nameAt + name.length)) && !/^\s+I(?![\p{L}])/u.test(text.slice(nameAt + name.length))) return false;
    // After another capitalised word: a surname ("Chloe Murphy (19)"), unless that word starts
    // the sentence and is a verb ("Visited Kacper", "Saw Kacper").
    const before = /(\p{Lu}[\p{L}'’-]*)\s+$/u.exec(lead);
    if (before && !(SENTENCE_START.test(lead.slice(0, before.index)) && STARTING_VERB.test(before[1]))) return false;
    if (this.reporting.test(lead) || quoted(lead)) return false;
    // Someone described beside the child ("Zara is in Year 4 and walks home with him", "Kacper plays with Ellie"): a peer, not the child.
    if (besideChild(record, sentenceRest(text, m.end))) return false;
    // Written in lower case elsewhere in the record: a word, not a name ("School said…", "school").
    if (new RegExp(`(?<![\\p{L}])${termPattern(name.toLowerCase())}(?![\\p{L}])`, 'u').test(text)) return false;
    return true;
  }
}

/** The subject's own name, any word of it, or a short form of the first ("Alex" for "Alexander"). */
function isOwnName(record: CanonicalRecord, k: string): boolean {
  const full = record.subject_name ?? '';
  const words = full.split(/[\s,]+/).filter(Boolean).map(nameKey);
  if (words.includes(k)) return true;
  const first = firstName(full);
  const f = first ? nameKey(first) : '';
  const family = familyName(full);
  if (family && nameKey(family) === k) return true;
  return f.length >= 3 && k.length >= 3 && (f.startsWith(k) || k.startsWith(f));
}

/** The text of the sentence before an offset (back to . ! ? or a line break). */
function sentenceLead(text: string, at: number): string {
  let i = at;
  while (i > 0) {
    const ch = text[i - 1];
    if (ch === '\n' || ((ch === '.' || ch === '!' || ch === '?') && /\s/.test(text[i] ?? ' ') && !TITLES.test(text.slice(Math.max(0, i - 8), i - 1) + ' '))) break;
    i--;
  }
  return text.slice(i, at);
}

/** Inside a quotation that opens earlier in the sentence and has not closed. */
function quoted(lead: string): boolean {
  const opens = (lead.match(/[“]/g) ?? []).length;
  const closes = (lead.match(/[”]/g) ?? []).length;
  if (opens > closes) return true;
  return (lead.match(/"/g) ?? []).length % 2 === 1;
}

/** The rest of the sentence after an offset (to . ! ? or a line break). */
function sentenceRest(text: string, at: number): string {
  const m = /[.!?](?=\s)|\n/.exec(text.slice(at));
  return text.slice(at, m ? at + m.index : text.length);
}

const SEX_OF: Record<string, 'him' | 'her'> = { male: 'him', m: 'him', boy: 'him', man: 'him', female: 'her', f: 'her', girl: 'her', woman: 'her' };

/** The child stands in the rest of the sentence: by first name, or as the object of a preposition (with him, to her) by the child's sex. */
function besideChild(record: CanonicalRecord, rest: string): boolean {
  const first = firstName(record.subject_name);
  if (first && new RegExp(`(?<![\\p{L}])${termPattern(first)}(?![\\p{L}])`, 'iu').test(rest)) return true;
  const object = SEX_OF[(record.subject_gender ?? '').trim().toLowerCase()];
  return !!object && new RegExp(`(?<![\\p{L}])(?:with|to|for|beside|behind|alongside|next to|near) ${object}(?![\\p{L}])`, 'iu').test(rest);
}
