import { termPattern } from '../../text/terms.ts';
import { unsafePatternReason } from '../../text/safe-regex.ts';
import type { RuleProblem } from '../rule-kind.ts';

/**
 * Forms are regular expressions a rule writes about a child, with placeholders:
 *   {name}   the child's first name (capitalised in the text, as names are);
 *   {years}  an age in years (digits, or a number word up to eighteen);
 *   {months} an age in months.
 * e.g. `{name} \({years}\)` finds "Daniel (8)" and `{name},? aged {years}` finds "Jayden, aged 6".
 */
export const FORM_PLACEHOLDERS = ['name', 'years', 'months'] as const;

export const NUMBER_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen'];
const NUMBER = `(?:\\d{1,2}|${[...NUMBER_WORDS].reverse().join('|')})`;

export const FORMS_SCHEMA = {
  type: 'array',
  items: { type: 'string', minLength: 1 },
  minItems: 1,
  description: 'Regular expressions (any case, whole words) with {name} for a child’s first name, {years} and {months} for an age.',
};

/** A form as regex source, for one name (already regex source); `n` numbers its groups. */
export function formSource(form: string, name: string, n = ''): string {
  return form
    .replace(/\{name\}/g, `(?<name${n}>${name})`)
    .replace(/\{years\}/g, `(?<years${n}>${NUMBER})`)
    .replace(/\{months\}/g, `(?<months${n}>${NUMBER})`);
}

/** What a form found: the name (if the form has one) and the age in years or months. */
export interface FormMatch {
  start: number;
  end: number;
  text: string;
  name?: string;
  years?: string;
  months?: string;
}

/**
 * All of a rule's forms as one regex, read in one pass (each form's groups are numbered, since
 * a group name may not repeat). Where two forms match at the same place, the first listed wins.
 */
export class FormSet {
  private readonly regex: RegExp;

  constructor(forms: string[], name: string) {
    const alternatives = forms.map((f, i) => `(?:${formSource(f, name, String(i))})`).join('|');
    this.regex = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives})(?![\\p{L}\\p{N}_])`, 'giu');
  }

  /**
   * The matches `accept` keeps, in text order. After a match it refuses (another person's name,
   * a lower-case word), the search goes on from the next character, so that a refused match
   * ("but the 8-year-old", read as a name and an age) does not hide one inside it ("the
   * 8-year-old").
   */
  *matches(text: string, accept: (m: FormMatch) => boolean): Generator<FormMatch> {
    const re = this.regex;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      const found: FormMatch = { start: m.index, end: m.index + m[0].length, text: m[0] };
      for (const [key, value] of Object.entries(m.groups ?? {})) {
        if (value === undefined) continue;
        const field = key.replace(/\d+$/, '') as 'name' | 'years' | 'months';
        found[field] = value;
      }
      if (accept(found)) {
        yield found;
        re.lastIndex = Math.max(found.end, found.start + 1);
      } else {
        re.lastIndex = found.start + 1;
      }
    }
    re.lastIndex = 0;
  }
}

/** Problems with a list of forms: unknown placeholders, repeated placeholders, invalid or unsafe patterns. */
export function formProblems(forms: string[] | undefined, key: string, needName: boolean): RuleProblem[] {
  const problems: RuleProblem[] = [];
  forms?.forEach((form, i) => {
    const at = `${key}/${i}`;
    const used = [...form.matchAll(/\{([a-z_]+)\}/g)].map((m) => m[1]);
    const unknown = used.filter((p) => !(FORM_PLACEHOLDERS as readonly string[]).includes(p));
    if (unknown.length) return problems.push({ key: at, message: `{${unknown[0]}} is not a placeholder (${FORM_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')})` });
    if (new Set(used).size !== used.length) return problems.push({ key: at, message: 'a placeholder may be used once in a form' });
    if (needName && !used.includes('name')) return problems.push({ key: at, message: 'a form needs {name}' });
    const source = formSource(form, 'Amy');
    try {
      new RegExp(source, 'iu');
    } catch (err) {
      return problems.push({ key: at, message: `not a valid regular expression: ${(err as Error).message}` });
    }
    const unsafe = unsafePatternReason(source);
    if (unsafe) problems.push({ key: at, message: `pattern refused: ${unsafe}` });
  });
  return problems;
}

/** The number a {years} or {months} group matched. */
export function readNumber(text: string): number {
  const word = NUMBER_WORDS.indexOf(text.toLowerCase());
  return word >= 0 ? word + 1 : Number(text);
}

/** The first name of a subject_name ("Ellie-Mae Murphy" → Ellie-Mae; "MURPHY, Ellie-Mae" → Ellie-Mae). */
export function firstName(full: string | null): string | null {
  if (!full?.trim()) return null;
  const given = full.includes(',') ? (full.split(',')[1] ?? '') : full;
  return given.trim().split(/\s+/)[0] || null;
}

/** The family name of a subject_name ("Ellie-Mae Murphy" → Murphy; "MURPHY, Ellie-Mae" → MURPHY). */
export function familyName(full: string | null): string | null {
  if (!full?.trim()) return null;
  if (full.includes(',')) return full.split(',')[0].trim() || null;
  const parts = full.trim().split(/\s+/);
  return parts.length > 1 ? parts[parts.length - 1] : null;
}

/** Regex source for a name, matched whole in any case (a hyphen optional, as in terms). */
export function nameSource(name: string): string {
  return termPattern(name);
}

/** Names are written with a capital: "Ruby (4)" is a name, "ruby (4)" is not. */
export function capitalised(text: string): boolean {
  return /^\p{Lu}/u.test(text);
}

/** Whole months from `dob` to `onDate` (both ISO). */
export function monthsOn(dob: string, onDate: string): number {
  const [by, bm, bd] = dob.split('-').map(Number);
  const [y, m, d] = onDate.slice(0, 10).split('-').map(Number);
  return (y - by) * 12 + (m - bm) - (d < bd ? 1 : 0);
}
