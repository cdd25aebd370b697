/**
 * What literal text a match of a regular expression cannot do without, as a formula over
 * lower-case strings: a string (the match contains it, compared in lower case), `all` (every
 * part is needed), `any` (one of the parts is needed), or null (nothing is known: the pattern
 * could match without any literal, e.g. a class, a wildcard or an optional part there).
 * `parental substance misuse|drug addict` needs all of parental, substance and misuse, or both
 * drug and addict.
 *
 * Checks use it to skip a record whose text cannot satisfy the formula before running the regex:
 * most records hold none of the phrases most rules look for, and a regex that starts with a
 * look-behind or a Unicode class is tried at every position of the text.
 *
 * The reading is conservative: anything the analyser does not understand counts as "could be
 * anything here", which only ever makes the formula less useful, never wrong.
 */
import { createHash } from 'node:crypto';
import { builtData } from '../model/built-data.ts';

export type Need = string | { all: Need[] } | { any: Need[] } | null;

export function requiredLiterals(source: string): Need {
  return readLiterals(source).need;
}

/** What `requiredLiterals` reads from a source, with what each alternative of it needs. */
export interface LiteralReading {
  need: Need;
  /** Each alternative (of the whole source or of a group) by where it starts: where it ends and what it needs. */
  alternatives: Map<number, { end: number; need: Need }>;
}

/**
 * `requiredLiterals` with each alternative's need, kept by source: the text gates and the
 * narrowed alternations (alternatives.ts) read the same large regexes, and the alternations
 * want every alternative's need, which one reading gives. The build reads the default packs'
 * regexes and keeps their readings (`PREBUILT_READINGS_PATH`): a source whose SHA-256 is there
 * is taken from it, any other (a council's pack, a pack edited since the build, a run from the
 * sources) is read here.
 */
export function readLiterals(source: string, prebuilt: PrebuiltReadings = prebuiltReadings()): LiteralReading {
  let reading = readings.get(source);
  if (reading) return reading;
  reading = keptReading(source, prebuilt) ?? parseLiterals(source);
  if (readings.size >= 4096) readings.clear();
  readings.set(source, reading);
  return reading;
}
const readings = new Map<string, LiteralReading>();

/** What `readLiterals` reads from a source, read afresh. */
export function parseLiterals(source: string): LiteralReading {
  const alternatives = new Map<number, { end: number; need: Need }>();
  try {
    const parser = new Parser(source, alternatives);
    const need = parser.alternation();
    return { need: parser.atEnd() ? need : null, alternatives };
  } catch {
    return { need: null, alternatives: new Map() };
  }
}

/**
 * Readings the build kept, by `sourceKey`: each source's need. What each alternative needs is
 * read from the source when it is asked for, which the default checks no longer do at run time
 * (the narrowed alternations keep their own reading: alternatives.ts). Reading the large
 * alternations of the default packs took about 0.13 s of every audit; parsing every
 * alternative's need from this file took about 0.05 s of it.
 */
export type PrebuiltReadings = Record<string, Need>;
export const PREBUILT_READINGS_PATH = new URL('./prebuilt-literals.json', import.meta.url);
const prebuiltReadings = () => builtData<PrebuiltReadings>(PREBUILT_READINGS_PATH);

/** The reading of `source` among kept readings, if they hold one for its exact text. */
export function keptReading(source: string, prebuilt: PrebuiltReadings): LiteralReading | undefined {
  const key = sourceKey(source);
  if (!Object.hasOwn(prebuilt, key)) return undefined;
  let alternatives: LiteralReading['alternatives'] | undefined;
  return {
    need: prebuilt[key],
    get alternatives() {
      return (alternatives ??= parseLiterals(source).alternatives);
    },
  };
}

/** A source's key among the kept readings: the SHA-256 of its UTF-8 bytes, in base64. */
export function sourceKey(source: string): string {
  return createHash('sha256').update(source).digest('base64');
}

/** The sources read so far in this process (and still kept). */
export function sourcesReadSoFar(): string[] {
  return [...readings.keys()];
}

/** The readings made so far in this process (and still kept), as the build keeps them. */
export function readingsSoFar(): PrebuiltReadings {
  const out: PrebuiltReadings = {};
  for (const [source, r] of readings) out[sourceKey(source)] = r.need;
  return out;
}

/**
 * The parts of an `all` or `any` are never null: `all` leaves out what is unknown (it narrows
 * nothing), and an `any` with an unknown part is unknown. Every literal counts, however short:
 * in `all` a short one still narrows; in `any` the choice is between it and knowing nothing.
 */
function all(parts: Need[]): Need {
  const known = [...new Set(parts.filter((p) => p !== null))];
  return known.length === 0 ? null : known.length === 1 ? known[0] : { all: known };
}

function any(parts: Need[]): Need {
  if (parts.some((p) => p === null)) return null;
  const unique = [...new Set(parts)];
  return unique.length === 1 ? unique[0] : { any: unique };
}

const SPECIAL_ESCAPES = new Set([...'dDwWsSbBfnrtv0123456789']);

class Parser {
  private i = 0;
  constructor(
    private readonly src: string,
    private readonly alternatives?: Map<number, { end: number; need: Need }>,
  ) {}

  atEnd(): boolean {
    return this.i >= this.src.length;
  }

  /** alternatives separated by |, up to a closing ) or the end: every one must have a requirement. */
  alternation(): Need {
    const options: Need[] = [this.sequence()];
    while (this.src[this.i] === '|') {
      this.i++;
      options.push(this.sequence());
    }
    return any(options);
  }

  /** A sequence of atoms: it needs every run of literal characters and every group it must hold. */
  private sequence(): Need {
    const start = this.i;
    const need = this.sequenceNeed();
    this.alternatives?.set(start, { end: this.i, need });
    return need;
  }

  private sequenceNeed(): Need {
    const candidates: Need[] = [];
    let run = '';
    const flush = () => {
      if (run.length) candidates.push(run);
      run = '';
    };
    while (!this.atEnd() && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      const atom = this.atom();
      const { min, exact } = this.quantifier();
      if (atom.kind === 'char') {
        // "X{3,}" needs XXX; what follows a repeat may not follow the last of its characters.
        run += atom.char.repeat(Math.min(min, 16));
        if (!exact || min === 0) flush();
      } else {
        flush();
        if (atom.kind === 'group' && min >= 1 && atom.req) candidates.push(atom.req);
      }
    }
    flush();
    return all(candidates);
  }

  private atom(): { kind: 'char'; char: string } | { kind: 'group'; req: Need } | { kind: 'other' } {
    const c = this.src[this.i];
    if (c === '(') return this.group();
    if (c === '[') {
      this.charClass();
      return { kind: 'other' };
    }
    if (c === '\\') return this.escape();
    this.i++;
    if (c === '.' || c === '^' || c === '$') return { kind: 'other' };
    if (c === '*' || c === '+' || c === '?' || c === '{' || c === ']' || c === '}') throw new Error('unexpected');
    return { kind: 'char', char: c.toLowerCase() };
  }

  private group(): { kind: 'group'; req: Need } | { kind: 'other' } {
    this.i++;
    let lookaround = false;
    if (this.src.startsWith('?:', this.i)) this.i += 2;
    else if (this.src.startsWith('?=', this.i) || this.src.startsWith('?!', this.i)) {
      this.i += 2;
      lookaround = true;
    } else if (this.src.startsWith('?<=', this.i) || this.src.startsWith('?<!', this.i)) {
      this.i += 3;
      lookaround = true;
    } else if (this.src.startsWith('?<', this.i)) {
      const close = this.src.indexOf('>', this.i);
      if (close < 0) throw new Error('unclosed group name');
      this.i = close + 1;
    } else if (this.src[this.i] === '?') throw new Error('unknown group');
    const req = this.alternation();
    if (this.src[this.i] !== ')') throw new Error('unclosed group');
    this.i++;
    return lookaround ? { kind: 'other' } : { kind: 'group', req };
  }

  private charClass(): void {
    this.i++;
    if (this.src[this.i] === '^') this.i++;
    if (this.src[this.i] === ']') this.i++;
    while (!this.atEnd() && this.src[this.i] !== ']') this.i += this.src[this.i] === '\\' ? 2 : 1;
    if (this.atEnd()) throw new Error('unclosed class');
    this.i++;
  }

  private escape(): { kind: 'char'; char: string } | { kind: 'other' } {
    const c = this.src[this.i + 1];
    if (c === undefined) throw new Error('trailing backslash');
    this.i += 2;
    if (c === 'p' || c === 'P' || (c === 'u' && this.src[this.i] === '{')) {
      const close = this.src.indexOf('}', this.i);
      if (close < 0) throw new Error('unclosed escape');
      this.i = close + 1;
      return { kind: 'other' };
    }
    if (c === 'k') {
      const close = this.src.indexOf('>', this.i);
      this.i = close < 0 ? this.i : close + 1;
      return { kind: 'other' };
    }
    if (c === 'u') this.i += 4;
    else if (c === 'x') this.i += 2;
    else if (c === 'c') this.i += 1;
    if (c === 'u' || c === 'x' || c === 'c' || SPECIAL_ESCAPES.has(c)) return { kind: 'other' };
    return { kind: 'char', char: c.toLowerCase() };
  }

  /** How many times the atom just read must occur, and whether exactly that many (1 and exact without a quantifier). */
  private quantifier(): { min: number; exact: boolean } {
    const c = this.src[this.i];
    let q: { min: number; exact: boolean };
    if (c === '?' || c === '*') {
      q = { min: 0, exact: false };
      this.i++;
    } else if (c === '+') {
      q = { min: 1, exact: false };
      this.i++;
    } else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i));
      if (!m) throw new Error('bad brace');
      this.i += m[0].length;
      q = { min: Number(m[1]), exact: m[2] === undefined || m[3] === m[1] };
    } else return { min: 1, exact: true };
    if (this.src[this.i] === '?') this.i++;
    return q;
  }
}
