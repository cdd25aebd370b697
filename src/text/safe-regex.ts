/**
 * Rule packs are written by people, and a pattern such as `(a+)+` can take exponential time on
 * a long note. A pattern is refused when a repeated group contains another repetition (star
 * height above one), when a repeated group has alternatives where one can match the start of
 * another (like `(a|ab)*`), when it uses back-references, or when two unbounded repetitions
 * can share the text between them (like `parent.*not.*course`, which takes polynomial time:
 * 84 s on one 6,000-word note). Returns the reason, or null.
 */
export function unsafePatternReason(source: string): string | null {
  if (/\\[1-9]|\\k</.test(source)) return 'back-references can take exponential time';
  const stack: { start: number; quantified: boolean }[] = [{ start: 0, quantified: false }];
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      continue;
    }
    if (ch === '[') inClass = true;
    else if (ch === '(') stack.push({ start: i + 1, quantified: false });
    else if (ch === ')') {
      const group = stack.pop()!;
      if (!stack.length) return 'unbalanced parentheses';
      const repeated = /^(?:[*+]|\{\d*,)/.test(source.slice(i + 1));
      if (repeated && group.quantified) return 'a repeated group contains another repetition (like (a+)+), which can take exponential time';
      if (repeated && alternativesOverlap(source.slice(group.start, i))) {
        return 'a repeated group has alternatives that can match the same text (like (a|ab)*), which can take exponential time';
      }
      if (group.quantified || repeated) stack[stack.length - 1].quantified = true;
    } else if (ch === '*' || ch === '+' || ch === '{') {
      stack[stack.length - 1].quantified = true;
    }
  }
  if (stack.length !== 1) return 'unbalanced parentheses';
  return polynomialReason(source);
}

/** True when one top-level alternative is empty, starts with a wildcard, or is a prefix of another. */
function alternativesOverlap(group: string): boolean {
  const body = group.replace(/^\?(?::|=|!|<=|<!|<[A-Za-z]\w*>)/, '');
  const alts: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '\\') {
      current += ch + (body[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === '|' && depth === 0) {
      alts.push(current);
      current = '';
    } else current += ch;
  }
  alts.push(current);
  if (alts.length < 2) return false;
  return alts.some((a, i) => a === '' || a.startsWith('.') || a.startsWith('\\') || alts.some((b, j) => i !== j && b.startsWith(a)));
}

/**
 * One element of a pattern's sequence: what characters it can consume (over a sample of the
 * characters notes are made of), how few it must consume, and whether it can repeat without
 * bound.
 */
interface Item {
  chars: Set<string>;
  /** Fewest characters it matches (0 for an optional item, an anchor or a lookaround). */
  min: number;
  /** It repeats without bound (`*`, `+`, `{n,}`). */
  unbounded: boolean;
}

/** Characters enough to tell the classes a pattern uses apart: letters, digits, space, punctuation. */
const SAMPLE = [...'abcdefghijklmnopqrstuvwxyzAZé0123456789 \t\n.,;:!?\'"-()[]{}/\\&_=<>@#*+%£$|^~'];

/**
 * Backtracking takes polynomial time when two unbounded repetitions in a row can each take the
 * same characters, and everything between them can be taken by the first: on a text where the
 * pattern fails, the engine tries every way of dividing the text between them (`.*x.*y` is
 * cubic). A conservative test on each sequence of the pattern: for unbounded items A … B,
 * refuse when A and B share a character and every item between them either can match nothing
 * or consists only of characters A can take.
 */
function polynomialReason(source: string): string | null {
  let parsed: Item[][];
  try {
    parsed = sequences(source);
  } catch {
    return null; // not parsed here: the RegExp constructor reports real syntax errors
  }
  for (const seq of parsed) {
    for (let i = 0; i < seq.length; i++) {
      if (!seq[i].unbounded) continue;
      for (let j = i + 1; j < seq.length; j++) {
        const between = seq.slice(i + 1, j);
        if (!between.every((m) => m.min === 0 || subset(m.chars, seq[i].chars))) break;
        if (seq[j].unbounded && overlaps(seq[i].chars, seq[j].chars)) {
          return 'two unbounded repetitions can take the same text in turn (like .*x.*), which takes polynomial time on a long note; bound them (.{0,40}) or let only one of them take the text between';
        }
      }
    }
  }
  return null;
}

const subset = (a: Set<string>, b: Set<string>) => [...a].every((c) => b.has(c));
const overlaps = (a: Set<string>, b: Set<string>) => [...a].some((c) => b.has(c));

/** Every sequence of the pattern: each alternative at every level, a plain group's inlined into its parent. */
function sequences(source: string): Item[][] {
  const all: Item[][] = [];
  let at = 0;
  /** Parses alternatives up to a `)` or the end; returns them (each a sequence of items). */
  function alternatives(): Item[][] {
    const alts: Item[][] = [[]];
    while (at < source.length && source[at] !== ')') {
      if (source[at] === '|') {
        at++;
        alts.push([]);
        continue;
      }
      alts[alts.length - 1].push(...element());
    }
    all.push(...alts);
    return alts;
  }
  /** One atom and its quantifier; a plain, unrepeated group with one alternative gives its items. */
  function element(): Item[] {
    const start = at;
    const ch = source[at];
    let atom: Item[];
    if (ch === '(') {
      at++;
      let lookaround = false;
      const prefix = /^\?(?::|=|!|<=|<!|<[A-Za-z]\w*>)?/.exec(source.slice(at))![0];
      if (/^\?(?:=|!|<=|<!)$/.test(prefix)) lookaround = true;
      at += prefix.length;
      const alts = alternatives();
      if (source[at] !== ')') throw new Error('unbalanced');
      at++;
      if (lookaround) atom = [{ chars: new Set(), min: 0, unbounded: false }];
      else if (alts.length === 1 && !isQuantifier(source.slice(at))) return alts[0];
      else {
        const chars = new Set<string>();
        for (const alt of alts) for (const item of alt) for (const c of item.chars) chars.add(c);
        const min = Math.min(...alts.map((alt) => alt.reduce((n, item) => n + item.min, 0)));
        // Repetitions inside the group are checked in its own sequences; from outside it is one
        // item, and a repetition of it that holds another is refused above (star height).
        atom = [{ chars, min, unbounded: false }];
      }
    } else {
      atom = [single(start)];
    }
    const q = /^(?:([*+?])|\{(\d+)(,(\d*))?\})\??/.exec(source.slice(at));
    if (!q) return atom;
    at += q[0].length;
    const item = atom[0];
    const min = q[1] === '*' || q[1] === '?' ? 0 : q[1] === '+' ? item.min : Number(q[2]) * item.min;
    const unbounded = q[1] === '*' || q[1] === '+' || (q[3] !== undefined && q[4] === '');
    return [{ chars: item.chars, min, unbounded }];
  }
  /** A character, an escape, a class or `.`: what it matches of the sample. */
  function single(start: number): Item {
    const ch = source[at];
    if (ch === '^' || ch === '$') {
      at++;
      return { chars: new Set(), min: 0, unbounded: false };
    }
    if (ch === '[') {
      at++;
      if (source[at] === '^') at++;
      if (source[at] === ']') at++;
      while (at < source.length && source[at] !== ']') at += source[at] === '\\' ? 2 : 1;
      at++;
    } else if (ch === '\\') {
      const escaped = /^\\(?:[pP]\{[^}]*\}|u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|c[A-Za-z]|[\s\S])/.exec(source.slice(at))![0];
      at += escaped.length;
      if (escaped === '\\b' || escaped === '\\B') return { chars: new Set(), min: 0, unbounded: false };
    } else {
      at += ch.length;
    }
    return { chars: charsOf(source.slice(start, at)), min: 1, unbounded: false };
  }
  alternatives();
  if (at !== source.length) throw new Error('unbalanced');
  return all;
}

const isQuantifier = (rest: string) => /^(?:[*+?]|\{\d+(?:,\d*)?\})/.test(rest);

/** What an atom matches of the sample, worked out once per distinct atom. */
const ATOM_CHARS = new Map<string, Set<string>>();

function charsOf(text: string): Set<string> {
  let chars = ATOM_CHARS.get(text);
  if (chars) return chars;
  if (text.length === 1 && !/[.\\[\]()|*+?{}^$]/.test(text)) {
    // A plain character matches itself in either case: the sample's characters that are it.
    const lower = text.toLowerCase();
    chars = new Set(SAMPLE.filter((c) => c.toLowerCase() === lower));
    if (!chars.size) chars.add(text);
  } else {
    let re: RegExp;
    try {
      re = new RegExp(`^(?:${text})$`, 'iu');
    } catch {
      re = new RegExp(`^(?:${text})$`, 'i');
    }
    chars = new Set(SAMPLE.filter((c) => re.test(c)));
    // A character outside the sample (a letter of another script) still counts as itself.
    if (!chars.size) chars.add(text);
  }
  ATOM_CHARS.set(text, chars);
  return chars;
}
