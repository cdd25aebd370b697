/**
 * A case-insensitive Unicode regex (`iu` flags) rewritten to need no `i` flag, for texts whose
 * characters all lie in U+0000–U+02AF or U+2000–U+206F (a plain text: alternatives.ts,
 * `isPlain`).
 *
 * V8 compiles a regex with the `i` flag two to three times more slowly than the same regex
 * without it: for every letter and class it works out, through ICU, every character that case-
 * folds to the same one. The narrowed alternations (alternatives.ts) compile a new regex for
 * almost every new text, which made that the largest single cost of a small audit. On a plain
 * text only the plain characters can ever be matched, so each atom can be written as the plain
 * characters it matches under `iu`, once, and the regex compiled without `i`:
 *
 * - a literal character whose only plain match is itself (punctuation, digits, spaces) stays as
 *   it is; a letter becomes a class of its plain case variants (`s` → `[Ssſ]`);
 * - a class (`[…]`, `\w`, `\W`, `\p{…}`, `\P{…}`) stays as it is where it matches the same plain
 *   characters with and without `i`, and otherwise becomes the class of those it matches with it;
 * - `\b` and `\B` are written out with that class of word characters (under `iu`, `\w` also
 *   matches `ſ`, which folds to `s`);
 * - everything else (groups, look-arounds, quantifiers, `.`, `\s`, `\d`, anchors) is unchanged,
 *   as the `i` flag does not change what it matches.
 *
 * Which plain characters an atom matches is found by running it, with and without `i`, over
 * every plain character, and kept. What cannot be read this way (a back-reference) gives null,
 * and the regex keeps its `i` flag. `case-free.test.ts` holds every kind of atom equal over
 * every plain character, and whole regexes equal over texts.
 */

import { builtData } from '../model/built-data.ts';

/** Every plain character, in order. */
const PLAIN_CHARS = (() => {
  let s = '';
  for (let c = 0; c <= 0x2af; c++) s += String.fromCharCode(c);
  for (let c = 0x2000; c <= 0x206f; c++) s += String.fromCharCode(c);
  return s;
})();

/** A class that matches nothing. */
const NOTHING = '[^\\s\\S]';

/**
 * Atoms read, by their source: what to write instead (the atom itself when nothing changes).
 * Those of the default packs are read by the build and kept (`PREBUILT_ATOMS_PATH`): finding
 * them takes two regexes each, about 20 ms at the start of every run.
 */
let atoms: Map<string, string> | null = null;
export const PREBUILT_ATOMS_PATH = new URL('./prebuilt-case-free.json', import.meta.url);

function knownAtoms(): Map<string, string> {
  return (atoms ??= new Map(Object.entries(builtData<Record<string, string>>(PREBUILT_ATOMS_PATH))));
}

/** The atoms read so far in this process, as the build keeps them. */
export function atomsSoFar(): Record<string, string> {
  return Object.fromEntries(knownAtoms());
}
/** Sources already rewritten (the runs of source of the alternations' trees repeat in every narrowed regex). */
const rewritten = new Map<string, string | null>();

/** The plain characters `atom` (one character or class) matches, with or without `i`. */
function plainMatches(atom: string, ignoreCase: boolean): string {
  return (PLAIN_CHARS.match(new RegExp(atom, ignoreCase ? 'giu' : 'gu')) ?? []).join('');
}

/** A class of exactly the characters of `chars` (plain characters, in order, each once). */
function classOf(chars: string): string {
  if (chars.length === 0) return NOTHING;
  let out = '[';
  for (let k = 0; k < chars.length; ) {
    const from = chars.charCodeAt(k);
    let to = from;
    while (k + 1 < chars.length && chars.charCodeAt(k + 1) === to + 1) {
      k++;
      to++;
    }
    k++;
    out += to === from ? hex(from) : to === from + 1 ? `${hex(from)}${hex(to)}` : `${hex(from)}-${hex(to)}`;
  }
  return `${out}]`;
}

/** A character in a class: an ASCII letter or digit as itself, any other escaped. */
function hex(c: number): string {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) ? String.fromCharCode(c) : `\\u${c.toString(16).padStart(4, '0')}`;
}

/** What to write for a literal character, class or class escape, read from its source. */
function atom(source: string): string {
  const known = knownAtoms();
  let out = known.get(source);
  if (out === undefined) {
    out = readAtom(source);
    known.set(source, out);
  }
  return out;
}

/** What to write for an atom, read afresh. */
export function readAtom(source: string): string {
  if (source === '\\b' || source === '\\B') return readBoundary(source === '\\B');
  const folded = plainMatches(source, true);
  return folded === plainMatches(source, false) ? source : classOf(folded);
}

/** `\b` or `\B` written out with the plain word characters of `iu` (unchanged where they are `\w`'s own). */
function readBoundary(negated: boolean): string {
  const folded = plainMatches('\\w', true);
  if (folded === plainMatches('\\w', false)) return negated ? '\\B' : '\\b';
  const w = classOf(folded);
  return negated ? `(?:(?<=${w})(?=${w})|(?<!${w})(?!${w}))` : `(?:(?<=${w})(?!${w})|(?<!${w})(?=${w}))`;
}

/** A group's opening at lastIndex. */
const OPENING = /\((?:\?:|\?<?[=!]|\?<[A-Za-z_$][\w$]*>)?/y;
/** A quantifier at lastIndex (after `*`, `+` or `?` it is read as one character). */
const BRACES = /\{\d+(?:,\d*)?\}/y;
/** An escape of one character that stands for itself or a case-free class or control. */
const CASE_FREE_ESCAPE = /^[dDsStnvfr0]$/;

/**
 * `source`, a part of a regex with the `iu` flags, written to match the same on a plain text
 * with the `u` flag alone; null where it holds what is not read here (a back-reference, or
 * anything not valid there). A part may start with a quantifier of the group before it.
 */
export function caseFree(source: string): string | null {
  let out = rewritten.get(source);
  if (out !== undefined) return out;
  try {
    out = rewrite(source);
  } catch {
    out = null;
  }
  if (rewritten.size >= 65_536) rewritten.clear();
  rewritten.set(source, out);
  return out;
}

function rewrite(source: string): string | null {
  let out = '';
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (c === '\\') {
      const e = source[i + 1];
      if (e === undefined) return null;
      if (e === 'b' || e === 'B') {
        out += atom(source.slice(i, i + 2));
        i += 2;
      } else if (e === 'w' || e === 'W') {
        out += atom(`\\${e}`);
        i += 2;
      } else if (e === 'p' || e === 'P') {
        const end = source.indexOf('}', i);
        if (source[i + 2] !== '{' || end < 0) return null;
        out += atom(source.slice(i, end + 1));
        i = end + 1;
      } else if (e === 'u') {
        let end: number;
        if (source[i + 2] === '{') {
          end = source.indexOf('}', i) + 1;
          if (end === 0) return null;
        } else {
          end = i + 6;
          // A surrogate pair written as two escapes is one character under `u`.
          if (/^\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}/.test(source.slice(i, i + 12))) end = i + 12;
        }
        out += atom(source.slice(i, end));
        i = end;
      } else if (e === 'x') {
        out += atom(source.slice(i, i + 4));
        i += 4;
      } else if (e === 'c') {
        out += source.slice(i, i + 3);
        i += 3;
      } else if (e === 'k' || (e >= '1' && e <= '9')) {
        return null;
      } else if (CASE_FREE_ESCAPE.test(e)) {
        if (e === '0' && /\d/.test(source[i + 2] ?? '')) return null;
        out += source.slice(i, i + 2);
        i += 2;
      } else {
        // An escaped syntax character (or `/`, `-`): itself.
        out += atom(source.slice(i, i + 2));
        i += 2;
      }
    } else if (c === '[') {
      let j = i + 1;
      while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
      if (j >= source.length) return null;
      out += atom(source.slice(i, j + 1));
      i = j + 1;
    } else if (c === '(') {
      OPENING.lastIndex = i;
      const opening = OPENING.exec(source)![0];
      out += opening;
      i += opening.length;
    } else if (c === '{') {
      BRACES.lastIndex = i;
      const quantifier = BRACES.exec(source);
      if (!quantifier) return null;
      out += quantifier[0];
      i += quantifier[0].length;
    } else if (c === ')' || c === '|' || c === '*' || c === '+' || c === '?' || c === '.' || c === '^' || c === '$') {
      out += c;
      i++;
    } else {
      const code = source.codePointAt(i)!;
      const ch = String.fromCodePoint(code);
      out += atom(ch);
      i += ch.length;
    }
  }
  return out;
}
