import { LiteralScanner } from './literal-scanner.ts';
import { compiledNow } from './machine-code.ts';
import { builtBytes, builtData } from '../model/built-data.ts';
import { caseFree } from './case-free.ts';
import { readLiterals, requiredLiterals, sourceKey, type LiteralReading, type Need } from './required-literals.ts';

/**
 * Whole-word alternations that run, on each text, only the alternatives the text can match.
 *
 * A rule's terms and patterns, or an assertion cue list, are compiled to one regex,
 * `(?<![\p{L}\p{N}_])(?:a|b|c…)(?![\p{L}\p{N}_])`, some of thousands of characters. V8 compiles
 * such a regex on its first use (tens of milliseconds for the largest) and then tries every
 * alternative at every position of the text. Most texts can match few of them: an alternative
 * whose literals (`requiredLiterals`) a text does not hold cannot match anywhere in it, so the
 * same regex without it finds exactly the same matches there (the same leftmost start, and the
 * same first alternative that matches at it). `allMatches` therefore runs, for each text, a
 * regex of the alternatives the text could match, in their order, made on first need and kept.
 *
 * On a text whose characters all lie in U+0000–U+02AF or U+2000–U+206F (most case notes: Latin
 * letters, curly quotes, dashes) the word boundary is written out as the members of
 * `[\p{L}\p{N}_]` in those ranges, which V8 compiles about ten times faster and which decides
 * every character of such a text the same way under the `i` and `u` flags (a unit test checks
 * each one). Other texts keep the Unicode class.
 *
 * Only the matches' positions and text are the same: capture groups are numbered afresh, so it
 * is for regexes whose callers read `index` and `[0]` alone (`compilePatternSpec`, cue lists).
 */

/** The word boundary the alternations are built with. */
export const WORD_CHAR = '[\\p{L}\\p{N}_]';
/** `[\p{L}\p{N}_]` among the characters of a plain text (see `isPlain`), case-folded as the `iu` flags fold it. */
export const PLAIN_WORD_CHAR = '[0-9A-Z_a-z\\u00aa\\u00b2\\u00b3\\u00b5\\u00b9\\u00ba\\u00bc-\\u00be\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u02af]';

/** Whether every character of `text` lies in U+0000–U+02AF or U+2000–U+206F. */
export function isPlain(text: string): boolean {
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c > 0x2af && (c < 0x2000 || c > 0x206f)) return false;
  }
  return true;
}

/** Turned off (by tests) to run every regex whole, to show that narrowing never changes a match. */
let narrowing = true;
export function setNarrowing(on: boolean): void {
  narrowing = on;
}

/**
 * What an alternative needs of the text last read, as a flat program (`compileNeed`): literal
 * `id` is in the text when `mark[id] === stamp`. Walked by `holds`, with no closure calls: this
 * runs for every alternative of every text read (about 1,200 times a record).
 */
type Test = Int32Array;

interface Scanned {
  text: string;
  /** The literals the text holds. */
  ids: number[];
  plain: boolean;
}

/**
 * The literals of every alternation, read from each text once. The last few texts read are
 * kept (a sentence is read by one cue list after another, then the record again by the next
 * rule), each as the ids of the literals it holds; the current one's are marked in `mark`.
 */
class SharedScan {
  private readonly ids = new Map<string, number>();
  /** The literals by id. */
  private readonly byId: string[] = [];
  private scanner: LiteralScanner | null = null;
  private folds = false;
  private recent = new Map<string, Scanned>();
  private current: Scanned | null = null;
  mark = new Int32Array(0);
  stamp = 0;
  /**
   * Alternations made but not yet read for their literals: all are read (or their kept literals
   * taken) at the first use of any, so the scanner is built once.
   */
  readonly pending: Alternatives[] = [];

  idOf(literal: string): number {
    let id = this.ids.get(literal);
    if (id === undefined) {
      this.ids.set(literal, (id = this.ids.size));
      this.byId.push(literal);
      this.scanner = null;
      this.recent = new Map();
      this.current = null;
    }
    return id;
  }

  literalOf(id: number): string {
    return this.byId[id];
  }

  /** The scanner of every literal so far, as the build keeps it (`KeptScanner`), and its table of states. */
  keptForm(): [KeptScanner, Int32Array] {
    this.read('');
    const tables = this.scanner!.tables();
    const classOf: number[] = [];
    tables.classOf.forEach((k, c) => {
      if (k !== 0) classOf.push(c, k);
    });
    const out: [number, number[]][] = [];
    tables.out.forEach((ids, state) => {
      if (ids.length) out.push([state, ids]);
    });
    return [{ literals: [...this.ids.keys()], foldCase: this.folds, classes: tables.classes, classOf, out }, tables.delta];
  }

  /** Reads `text` (unless it is one of the last read) and marks its literals. */
  read(text: string): Scanned {
    while (this.pending.length) this.pending.pop()!.prepare();
    if (this.current?.text === text) return this.current;
    const known = this.recent.get(text);
    if (known !== undefined) {
      if (this.stamp === 0x7fffffff) {
        this.mark.fill(0);
        this.stamp = 0;
      }
      this.stamp++;
      for (const id of known.ids) this.mark[id] = this.stamp;
      // Most recently read last: the first is the one to let go.
      this.recent.delete(text);
      this.recent.set(text, known);
      return (this.current = known);
    }
    if (!this.scanner) {
      const all = [...this.ids.keys()];
      // The scanner folds case itself, unless a literal holds what it could not fold the same
      // way as lower-casing the text: a surrogate pair, or the dot that İ lower-cases to.
      this.folds = !all.some((l) => /[\ud800-\udfff]|\u0307/.test(l));
      this.scanner = keptScanner(all, this.folds) ?? new LiteralScanner(all, { foldCase: this.folds });
      this.mark = new Int32Array(this.ids.size);
      this.stamp = 0;
    }
    if (this.stamp === 0x7fffffff) {
      this.mark.fill(0);
      this.stamp = 0;
    }
    const entry: Scanned = { text, ids: [], plain: isPlain(text) };
    this.scanner.collect(this.folds ? text : foldCase(text), this.mark, ++this.stamp, entry.ids);
    if (this.recent.size >= RECENT_TEXTS) this.recent.delete(this.recent.keys().next().value!);
    this.recent.set(text, entry);
    return (this.current = entry);
  }
}

/**
 * How many texts the scan keeps read. A record is read by one check after another, each also
 * reading its sentences (with 8 kept, about half the characters scanned were of texts scanned
 * before, the record itself among them); at 64 a record and its sentences are kept across the
 * checks but for the longest records.
 */
const RECENT_TEXTS = 64;

const shared = new SharedScan();

/**
 * The scanner the build made for the literals of the default packs (all options at once:
 * `npm run build`, write-prebuilt-readings.ts): its literals in order, whether it folds case,
 * the class of each character that has one (pairs), the literals that end at each state that
 * has some, and, beside it (`PREBUILT_SCANNER_TABLE_PATH`), its table of states as the bytes of
 * an Int32Array. Building it took about 30 ms of every audit.
 */
export interface KeptScanner {
  literals: string[];
  foldCase: boolean;
  classes: number;
  classOf: number[];
  out: [state: number, ids: number[]][];
}
export const PREBUILT_SCANNER_PATH = new URL('./prebuilt-scanner.json', import.meta.url);
export const PREBUILT_SCANNER_TABLE_PATH = new URL('./prebuilt-scanner.bin', import.meta.url);
let keptIndex: Map<string, number> | undefined;

/**
 * A scanner for `literals` from the build's, when that was made for all of them (and more,
 * perhaps) with the same folding: a literal of the build's that is not one of these is simply
 * not reported, so the scanner finds in any text exactly the literals of `literals` a scanner
 * made for them alone would find. Null when there is none, or it lacks one of them.
 */
export function keptScanner(
  literals: readonly string[],
  foldCase: boolean,
  kept: Partial<KeptScanner> = builtData<Partial<KeptScanner>>(PREBUILT_SCANNER_PATH),
  table: () => Buffer = () => builtBytes(PREBUILT_SCANNER_TABLE_PATH),
): LiteralScanner | null {
  if (!kept.literals || !kept.classes || !kept.classOf || !kept.out || kept.foldCase !== foldCase) return null;
  const index = kept === builtData<Partial<KeptScanner>>(PREBUILT_SCANNER_PATH) ? (keptIndex ??= indexOf(kept.literals)) : indexOf(kept.literals);
  const ids = new Int32Array(kept.literals.length).fill(-1);
  for (let id = 0; id < literals.length; id++) {
    const k = index.get(literals[id]);
    if (k === undefined) return null;
    ids[k] = id;
  }
  let delta: Int32Array;
  try {
    const bytes = table();
    delta = bytes.byteOffset % 4 === 0 ? new Int32Array(bytes.buffer, bytes.byteOffset, bytes.length >> 2) : new Int32Array(Uint8Array.from(bytes).buffer);
  } catch {
    return null;
  }
  if (delta.length === 0 || delta.length % kept.classes !== 0) return null;
  const classOf = new Uint16Array(0x10000);
  for (let k = 0; k < kept.classOf.length; k += 2) classOf[kept.classOf[k]] = kept.classOf[k + 1];
  const none: number[] = [];
  const out: number[][] = new Array<number[]>(delta.length / kept.classes).fill(none);
  for (const [state, keptIds] of kept.out) {
    const own: number[] = [];
    for (const k of keptIds) if (ids[k] >= 0) own.push(ids[k]);
    if (own.length) out[state] = own;
  }
  return new LiteralScanner(literals, { tables: { classOf, classes: kept.classes, delta, out } });
}

function indexOf(literals: string[]): Map<string, number> {
  return new Map(literals.map((l, k) => [l, k]));
}

/** The scanner of every literal of the alternations and gates made so far, as the build keeps it. */
export function scannerSoFar(): [KeptScanner, Int32Array] {
  return shared.keptForm();
}

/**
 * The literal scan every alternation and every text gate (text-gates.ts) reads: `idOf` gives a
 * literal its slot, `read` scans a text (or takes it from the last few), after which literal
 * `id` is in it when `mark[id] === stamp`.
 */
export const literals: {
  idOf(literal: string): number;
  read(text: string): void;
  readonly mark: Int32Array;
  readonly stamp: number;
} = shared;
const byRegex = new WeakMap<RegExp, Alternatives>();

/**
 * A whole alternation as its callers hold it, made at its first run. Most texts run a narrowed
 * copy instead (`Alternatives.forText`), and the whole regex runs only on a text that could match
 * every alternative, or that is not plain, or with narrowing off; but V8 reads a regex's whole
 * source when it is made, about 0.1 ms for each `[\p{L}\p{N}_]` class (two in each alternation,
 * more in word lists), 70 ms over the default packs. Until its first run this is a regex of the
 * same flags whose `source` is the alternation's; run (`exec`, and through it `test`, `match`,
 * `replace`, `split`, `matchAll`), it runs the whole regex, with the same lastIndex.
 */
class WholeAlternation extends RegExp {
  private readonly whole: string;
  private made: RegExp | null = null;

  constructor(pattern: string | RegExp, flags?: string) {
    // A copy (as split and matchAll make one, through the species) is of the whole alternation.
    super('(?:)', flags ?? (typeof pattern === 'string' ? '' : pattern.flags));
    this.whole = typeof pattern === 'string' ? pattern : pattern.source;
  }

  override get source(): string {
    return this.whole;
  }

  /** The whole regex itself, made now (and compiled, as it is about to run) if it was not yet. */
  regex(): RegExp {
    if (!this.made) this.made = compiledNow(new RegExp(this.whole, this.flags));
    return this.made;
  }

  override exec(text: string): RegExpExecArray | null {
    const re = this.regex();
    re.lastIndex = this.lastIndex;
    const m = re.exec(text);
    this.lastIndex = re.lastIndex;
    return m;
  }
}
/**
 * The narrowed regexes kept, all alternations together, least recently used out first, within a
 * budget of source characters: each holds the machine code V8 compiled for it, about 70 bytes a
 * character of its source. Kept 256 an alternation (as before 7 December 2026) they held about
 * 200 MB in each thread by 25,000 records of the benchmark export, and with no limit 350 MB
 * (8,500 regexes, 5.3 M characters). At this budget the worker's checks retain about 140 MB
 * there and compile 27,000 regexes instead of 8,500, in about the same time (bench/retained.ts;
 * at 500,000 characters, 51,000 compilations and slower). At 64 an alternation, a 10,000-record
 * export compiled 7,700 of them, at 256 4,900: most of the rest were the same regexes made again.
 */
const VARIANT_BUDGET = 1_000_000;
/** Narrowed regexes by alternation and key, most recently used last, and their sources' length in all. */
const variants = new Map<string, RegExp>();
let variantChars = 0;
let alternations = 0;

function keep(key: string, regex: RegExp): void {
  variants.set(key, regex);
  variantChars += regex.source.length;
  while (variantChars > VARIANT_BUDGET && variants.size > 1) {
    const [oldest, re] = variants.entries().next().value!;
    variants.delete(oldest);
    variantChars -= re.source.length;
  }
}

export class Alternatives {
  /** The whole regex, as callers hold it (made at its first run). */
  readonly regex: WholeAlternation | RegExp;
  /** The alternatives as a tree of groups, read at its first use (null: not narrowed). */
  private root: Group | null | undefined = undefined;
  /** The alternatives between `(?:` and `)`. */
  private readonly inner: string;
  /** The build's reading of the tree (`PrebuiltTrees`), its literals already known to the scan, until the first use. */
  private kept: PrebuiltTrees[string] | undefined = undefined;
  /** This alternation's prefix of the keys of its narrowed regexes (`variants`). */
  private readonly id = `${alternations++}:`;
  private lastText: string | null = null;
  private lastRegex: RegExp | null = null;
  /** The flags of the narrowed regexes: the whole one's, and global. */
  private readonly variantFlags: string;
  /** Those flags without `i`, for the narrowed regexes of plain texts written case-free (case-free.ts); null when the whole one's are not `iu`. */
  private readonly caseFreeFlags: string | null;

  constructor(
    readonly parts: readonly string[],
    flags: string,
  ) {
    this.inner = parts.join('|');
    const source = `(?<!${WORD_CHAR})(?:${this.inner})(?!${WORD_CHAR})`;
    this.variantFlags = flags.includes('g') ? flags : `${flags}g`;
    this.caseFreeFlags = flags.includes('i') && flags.includes('u') ? this.variantFlags.replace('i', '') : null;
    // A back-reference would point elsewhere once groups are left out: such an alternation is
    // never narrowed. Alternatives that name their groups are made at once too: two may use the
    // same name, which V8 refuses when the regex is made, where it has always been refused.
    const backreference = parts.some((p) => BACKREFERENCE.test(p));
    if (backreference || NAMED_GROUP.test(source)) {
      this.regex = new RegExp(source, flags);
      if (backreference) return;
    } else {
      this.regex = new WholeAlternation(source, flags);
    }
    byRegex.set(this.regex, this);
    shared.pending.push(this);
    recorded?.push(this);
  }

  /**
   * Before the scanner is built: the literals of the build's reading of this alternation made
   * known to the scan, the tree itself left to its first use (most texts of a small export use
   * a few of the alternations); without a kept reading, the tree is read now.
   */
  prepare(): void {
    if (this.root !== undefined || this.kept !== undefined) return;
    const kept = prebuiltTrees()[sourceKey(this.inner)];
    if (!kept) {
      this.analyse();
      return;
    }
    for (const literal of kept[0]) shared.idOf(literal);
    this.kept = kept;
  }

  /** Reads the tree of alternatives, from the build's reading among `trees` when there is one (none: read afresh). */
  analyse(trees: PrebuiltTrees | null = prebuiltTrees()): void {
    if (this.root !== undefined) return;
    try {
      const kept = trees === null ? undefined : (this.kept ?? trees[sourceKey(this.inner)]);
      if (kept !== undefined) this.root = treeFrom(JSON.parse(kept[1]) as SerialTree, kept[0]);
      else {
        // The whole regex was read for its literals when its text gate was made: each
        // alternative's need comes from that reading (the inner source starts after the look-behind).
        const prefix = `(?<!${WORD_CHAR})(?:`;
        this.root = readTree(this.inner, readLiterals(`${prefix}${this.inner})(?!${WORD_CHAR})`).alternatives, prefix.length);
      }
    } catch {
      this.root = null;
    }
    this.kept = undefined;
  }

  /** The tree as the build keeps it: its key, its literals (folded) and its serial form; null when not narrowed. */
  keptForm(): [key: string, literals: string[], tree: string] | null {
    this.analyse(null);
    if (!this.root) return null;
    const [literals, tree] = serialise(this.root);
    return [sourceKey(this.inner), literals, JSON.stringify(tree)];
  }

  /**
   * Every match of the whole alternation in `text`, as a global exec loop from its start gives
   * their index and text, found by running each top-level alternative the text could match on
   * its own; undefined when `text` is not plain or the alternation is not narrowed (run
   * `forText`'s regex instead).
   *
   * A narrowed regex is made for each combination of alternatives a text could match, and most
   * texts hold a combination not seen lately: about three regexes a record were parsed and
   * compiled (some of thousands of characters), more than half of the time of the narrowing.
   * An alternative alone, `(?<!w)(?:a)(?!w)`, is compiled once for any text. At a position the
   * whole alternation matches with the first alternative that matches there, and that match is
   * the one the alternative alone makes there (the look-behind and look-ahead are the same, and
   * each alternative backtracks within itself before the next is tried); a global exec loop
   * takes the leftmost such position from where the last match ended. So every position at
   * which each alternative alone matches is found (an exec from one past the last), and they
   * are merged as the loop would take them. Only plain texts are read this way: they hold no
   * surrogate pairs, so one past a position is the next character under the `u` flag too.
   */
  separately(text: string): RegExpExecArray[] | undefined {
    if (this.root === undefined) this.analyse();
    if (!this.root) return undefined;
    const { plain } = shared.read(text);
    if (!plain) return undefined;
    const alternatives = this.root.alternatives;
    let lists: RegExpExecArray[][] | null = null;
    let only: RegExpExecArray[] | null = null;
    const { mark, stamp } = shared;
    const run = (re: RegExp): void => {
      re.lastIndex = 0;
      let list: RegExpExecArray[] | null = null;
      let m: RegExpExecArray | null;
      while ((m = re.exec(text))) {
        (list ??= []).push(m);
        re.lastIndex = m.index + 1;
      }
      re.lastIndex = 0;
      if (!list) return;
      if (only === null && lists === null) only = list;
      else {
        lists ??= [only!];
        lists.push(list);
      }
    };
    for (const i of this.possible(text)) {
      const a = alternatives[i];
      if (a.parts === undefined) a.parts = partsOf(a);
      if (a.parts === null) {
        run(this.alone(a));
        continue;
      }
      // One choice of its leading word list at a time, in order: only those the text could match.
      for (const part of a.parts) {
        if (part.test && !holds(part.test, part.at, mark, stamp)) continue;
        run(this.alone(part));
      }
    }
    if (lists === null) return only === null ? [] : takeInTurn(only);
    return mergeInTurn(lists);
  }

  /** The text `possible` was last asked about, and its answer. */
  private possibleFor: string | null = null;
  private possibleAnswer: number[] = [];
  /**
   * For each top-level alternative, a literal its test needs (-1: none known, or no test), and
   * whether that literal is the whole test: a look at one slot settles most alternatives of most
   * texts before their test is walked.
   */
  private screen: { literal: Int32Array; whole: Uint8Array } | null = null;

  /** The indexes of the top-level alternatives the text last read (`text`) could match, in order. */
  private possible(text: string): number[] {
    if (text === this.possibleFor) return this.possibleAnswer;
    const alternatives = this.root!.alternatives;
    const screen = (this.screen ??= screenOf(alternatives));
    const { mark, stamp } = shared;
    const out: number[] = [];
    for (let i = 0; i < alternatives.length; i++) {
      const literal = screen.literal[i];
      if (literal >= 0) {
        if (mark[literal] !== stamp) continue;
        if (screen.whole[i] === 1) {
          out.push(i);
          continue;
        }
      }
      const a = alternatives[i];
      if (a.test && !holds(a.test, a.at, mark, stamp)) continue;
      out.push(i);
    }
    this.possibleFor = text;
    this.possibleAnswer = out;
    return out;
  }

  /** The regex of top-level alternative `a` (or a part of one) alone, for plain texts (made at first need, kept). */
  private alone(a: Alternative | Part): RegExp {
    let re = a.single;
    if (re === null) {
      const one: Group = { open: '', alternatives: [{ id: null, test: null, at: 0, items: a.items, single: null, parts: null }], all: '' };
      const free = this.caseFreeFlags ? emitAlternatives(one, EVERY, caseFree) : null;
      re =
        free !== null
          ? new RegExp(`(?<!${plainWordCharCaseFree()})(?:${free})(?!${plainWordCharCaseFree()})`, this.caseFreeFlags!)
          : new RegExp(`(?<!${PLAIN_WORD_CHAR})(?:${emitAlternatives(one, EVERY, null)})(?!${PLAIN_WORD_CHAR})`, this.variantFlags);
      a.single = compiledNow(re);
    }
    return re;
  }

  /** The regex to run on `text`: the alternatives it could match, or null when it can match none. */
  forText(text: string): RegExp | null {
    if (text === this.lastText) return this.lastRegex;
    // Before the text is read: a tree read now may add literals to the scan.
    if (this.root === undefined) this.analyse();
    const { plain } = shared.read(text);
    let regex: RegExp | null;
    if (!this.root) regex = whole(this.regex);
    else {
      const { mark, stamp } = shared;
      const kept: string[] = [plain ? 'p' : 'u'];
      const any = choose(this.root, mark, stamp, kept);
      const key = kept.join(',');
      if (!any) regex = null;
      else if (key === this.root.all && !plain) regex = whole(this.regex);
      else {
        const id = this.id + key;
        regex = variants.get(id) ?? null;
        if (regex) {
          // Most recently used last: the first is the one to let go.
          variants.delete(id);
          variants.set(id, regex);
        } else {
          const chosen = new Set(kept);
          // On a plain text, written to need no `i` flag, which V8 compiles two to three times faster (case-free.ts).
          const free = plain && this.caseFreeFlags ? emitAlternatives(this.root, chosen, caseFree) : null;
          const boundary = free !== null ? plainWordCharCaseFree() : plain ? PLAIN_WORD_CHAR : WORD_CHAR;
          // Global, whatever the whole one's flags: each is run from lastIndex 0 (terms.ts), where a
          // global regex finds what the same one without the flag finds, and only a global one
          // can be compiled straight to machine code (machine-code.ts).
          regex =
            free !== null
              ? new RegExp(`(?<!${boundary})(?:${free})(?!${boundary})`, this.caseFreeFlags!)
              : new RegExp(`(?<!${boundary})(?:${emitAlternatives(this.root, chosen, null)})(?!${boundary})`, this.variantFlags);
          keep(id, regex);
        }
      }
    }
    this.lastText = text;
    this.lastRegex = regex;
    return regex;
  }
}

/** The screen of `Alternatives.possible`: a literal each alternative's test needs, and whether it is the whole test. */
function screenOf(alternatives: Alternative[]): { literal: Int32Array; whole: Uint8Array } {
  const literal = new Int32Array(alternatives.length).fill(-1);
  const whole = new Uint8Array(alternatives.length);
  alternatives.forEach((a, i) => {
    if (!a.test) return;
    const code = a.test;
    if (code[a.at] === LITERAL) {
      literal[i] = code[a.at + 1];
      whole[i] = 1;
      return;
    }
    if (code[a.at] !== ALL) return;
    // The first part of an `all` that is a literal.
    const end = a.at + code[a.at + 1];
    for (let k = a.at + 2; k < end; k += code[k] === LITERAL ? 2 : code[k + 1]) {
      if (code[k] === LITERAL) {
        literal[i] = code[k + 1];
        return;
      }
    }
  });
  return { literal, whole };
}

/** Every alternative and every choice inside one (a `Set` of ids that holds every id). */
const EVERY = { has: () => true } as unknown as Set<string>;

/** The matches a global exec loop takes of one alternative's matches at every position it matches (in order). */
function takeInTurn(list: RegExpExecArray[]): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let from = 0;
  for (const m of list) {
    if (m.index < from) continue;
    out.push(m);
    from = m[0] === '' ? m.index + 1 : m.index + m[0].length;
  }
  return out;
}

/**
 * The matches a global exec loop of the whole alternation takes, from each alternative's
 * matches at every position it matches (`lists` in the alternatives' order): from where the
 * last match ended, the leftmost position any matches at, with the first alternative there.
 */
function mergeInTurn(lists: RegExpExecArray[][]): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  const next = new Array<number>(lists.length).fill(0);
  let from = 0;
  for (;;) {
    let best: RegExpExecArray | null = null;
    for (let k = 0; k < lists.length; k++) {
      const list = lists[k];
      let j = next[k];
      while (j < list.length && list[j].index < from) j++;
      next[k] = j;
      if (j < list.length && (best === null || list[j].index < best.index)) best = list[j];
    }
    if (best === null) return out;
    out.push(best);
    from = best[0] === '' ? best.index + 1 : best.index + best[0].length;
  }
}

const BACKREFERENCE = /\\(?:[1-9]|k<)/;
const NAMED_GROUP = /\(\?<[A-Za-z_$]/;

/** The regex to run for a whole alternation as a caller holds it. */
function whole(re: RegExp): RegExp {
  return re instanceof WholeAlternation ? re.regex() : re;
}

/**
 * A group of a regex source and its alternatives, each a run of source text and inner groups.
 * An alternative with a test (`id` set) is left out of a text's regex when the text lacks its
 * literals: it cannot match anywhere in that text, inside any context. Look-arounds are kept whole.
 */
interface Group {
  /** The opening, `(?:`, `(`, `(?<name>`, or '' for the whole alternation. */
  open: string;
  alternatives: Alternative[];
  /** The key of every testable alternative (the whole regex's key, with 'u'). */
  all: string;
}

interface Alternative {
  /** A number for the key, when the alternative has a test. */
  id: string | null;
  /** Its test: the program at `at` of `test` (the whole of it for a tree read afresh; one program for a whole kept tree). */
  test: Test | null;
  at: number;
  items: (string | Group)[];
  /** For a top-level alternative: its regex alone on plain texts, once made (`Alternatives.separately`). */
  single: RegExp | null;
  /** For a top-level alternative: the parts it is run as (`partsOf`; null: run whole; undefined: not yet known). */
  parts: Part[] | null | undefined;
}

/** A top-level alternative with one choice of the long word list it starts with, and that choice's test. */
interface Part {
  items: (string | Group)[];
  test: Test | null;
  at: number;
  single: RegExp | null;
}

/**
 * A top-level alternative that starts with a long inner group (a word list spelled out, whose
 * choices have tests: `(?:(?:supervision by the Probation Service|child protection
 * register|…)(?: …)?)`), as one part for each choice, in order: the same alternative with only
 * that choice in the group. Run whole, the list was tried at every word of the text (at about
 * 35 ns a character, for a hundred services or substances); a part runs only on a text that
 * holds its choice's literals, and each is made once. Null for any other alternative.
 *
 * At a position, the alternative tries the first choice with what follows it (backtracking
 * within both), then the next; so the first part (in order) that matches at a position makes
 * the alternative's match there, which is how `separately` merges them. This holds only where
 * the group is the first thing the alternative matches and is not repeated or optional: the
 * group is its first item (or the first item of a group of one alternative that is), not a
 * look-around, and no quantifier follows it.
 */
function partsOf(a: Alternative): Part[] | null {
  const leading = (items: (string | Group)[]): { items: (string | Group)[]; choice: Alternative }[] | null => {
    const first = items[0];
    if (first === undefined || typeof first === 'string' || /^\(\?<?[=!]/.test(first.open)) return null;
    const rest = items.slice(1);
    if (typeof rest[0] === 'string' && /^[?*+{]/.test(rest[0])) return null;
    if (first.alternatives.length > 1) {
      if (!first.alternatives.some((c) => c.test)) return null;
      return first.alternatives.map((c) => ({ items: [{ open: first.open, alternatives: [c], all: '' }, ...rest], choice: c }));
    }
    const only = first.alternatives[0];
    const inner = only ? leading(only.items) : null;
    if (!inner) return null;
    return inner.map((e) => ({ items: [{ open: first.open, alternatives: [{ ...only, items: e.items }], all: '' }, ...rest], choice: e.choice }));
  };
  const expanded = leading(a.items);
  return expanded === null ? null : expanded.map(({ items, choice }) => ({ items, test: choice.test, at: choice.at, single: null }));
}

/**
 * The build's readings of the default packs' alternations (`npm run build`, write-prebuilt-readings.ts),
 * by the SHA-256 of the alternatives' source (`sourceKey`): the literals its tests use,
 * lower-cased, and the tree as JSON (`SerialGroup`), parsed at the alternation's first use.
 * Reading the trees took about 0.12 s of every audit, most of them never used on a small export;
 * any other source (a council's pack, an edited one, a run from the sources) is read as before.
 */
export type PrebuiltTrees = Record<string, [literals: string[], tree: string]>;
export const PREBUILT_TREES_PATH = new URL('./prebuilt-alternations.json', import.meta.url);
const prebuiltTrees = () => builtData<PrebuiltTrees>(PREBUILT_TREES_PATH);

/**
 * A tree as kept: every test's program one after another (`compileNeed`'s form, each literal
 * by its place in the kept list of literals), and the root group.
 */
type SerialTree = [code: number[], root: SerialGroup];
/** A group as kept: its opening and its alternatives. */
type SerialGroup = [open: string, alternatives: SerialAlternative[]];
/** An alternative as kept: its id, where its test's program starts (-1: no test) and its items. */
type SerialAlternative = [id: string | null, at: number, items: (string | SerialGroup)[]];

/** The tree as kept: its literals and its serial form. */
function serialise(root: Group): [literals: string[], tree: SerialTree] {
  const code: number[] = [];
  const literals = new Map<string, number>();
  const group = (g: Group): SerialGroup => [
    g.open,
    g.alternatives.map((a) => {
      let at = -1;
      if (a.test) {
        at = code.length;
        const end = a.at + (a.test[a.at] === LITERAL ? 2 : a.test[a.at + 1]);
        for (let k = a.at; k < end; k += 2) {
          let operand = a.test[k + 1];
          if (a.test[k] === LITERAL) {
            const literal = shared.literalOf(operand);
            operand = literals.get(literal) ?? literals.size;
            literals.set(literal, operand);
          }
          code.push(a.test[k], operand);
        }
      }
      return [a.id, at, a.items.map((item) => (typeof item === 'string' ? item : group(item)))];
    }),
  ];
  const tree: SerialTree = [code, group(root)];
  return [[...literals.keys()], tree];
}

/** The tree of a kept serial form, with the tests `readTree` would compile, in one program. */
function treeFrom([code, serial]: SerialTree, literals: string[]): Group {
  const program = Int32Array.from(code);
  // Every node is two numbers (a literal and its id, or an operator and its length): the kept
  // literal places become the scan's ids.
  for (let k = 0; k < program.length; k += 2) if (program[k] === LITERAL) program[k + 1] = shared.idOf(literals[program[k + 1]]);
  const group = ([open, alternatives]: SerialGroup): Group => ({
    open,
    alternatives: alternatives.map(([id, at, items]) => ({
      id,
      test: at < 0 ? null : program,
      at: Math.max(at, 0),
      items: items.map((item) => (typeof item === 'string' ? item : group(item))),
      single: null,
      parts: undefined,
    })),
    all: '',
  });
  const root = group(serial);
  const every: string[] = ['u'];
  choose(root, null, 0, every);
  root.all = every.join(',');
  return root;
}

/** Every alternation made since `recordAlternations()`, for the build. */
let recorded: Alternatives[] | null = null;

/** Keeps every alternation made from now on (the build, to keep their trees). */
export function recordAlternations(): void {
  recorded ??= [];
}

/** The alternations made since `recordAlternations()`. */
export function alternationsSoFar(): readonly Alternatives[] {
  return recorded ?? [];
}

/** The trees of the alternations made since `recordAlternations()`, read afresh, as the build keeps them. */
export function alternationTreesSoFar(): PrebuiltTrees {
  const out: PrebuiltTrees = {};
  for (const a of recorded ?? []) {
    const form = a.keptForm();
    if (form) out[form[0]] = [form[1], form[2]];
  }
  return out;
}

/** What a group becomes when none of its alternatives can match: a class that matches nothing (a group would not take a quantifier after a look-ahead). */
const NOTHING = '[^\\s\\S]';

function readTree(source: string, read: LiteralReading['alternatives'], offset: number): Group {
  let i = 0;
  let next = 0;
  const group = (open: string, narrow: boolean): Group => {
    const start = i;
    const alternatives: Alternative[] = [];
    for (;;) {
      const from = i;
      const items: (string | Group)[] = [];
      // The source since the last inner group, taken whole (a slice, not built a character at a time).
      let run = i;
      while (i < source.length && source[i] !== '|' && source[i] !== ')') {
        const c = source[i];
        if (c === '\\') i += 2;
        else if (c === '[') i = classEnd(source, i);
        else if (c === '(') {
          OPENING.lastIndex = i;
          const opening = OPENING.exec(source)![0];
          if (i > run) items.push(source.slice(run, i));
          i += opening.length;
          const lookaround = /^\(\?<?[=!]/.test(opening);
          items.push(group(opening, narrow && !lookaround));
          if (source[i] !== ')') throw new Error('unclosed group');
          run = ++i;
        } else {
          // Characters that mean nothing here, skipped in one go.
          PLAIN.lastIndex = i;
          i = PLAIN.test(source) ? PLAIN.lastIndex : i + 1;
        }
      }
      if (i > run) items.push(source.slice(run, i));
      let test: Test | null = null;
      if (narrow) {
        const known = read.get(offset + from);
        test = compileNeed(usable(known?.end === offset + i ? known.need : requiredLiterals(source.slice(from, i))));
      }
      const id = test ? String(next++) : null;
      alternatives.push({ id, test, at: 0, items, single: null, parts: undefined });
      if (source[i] !== '|') break;
      i++;
    }
    // Inner groups are narrowed only when long (a rule's word list, spelled out): leaving out
    // short choices ("the |a |her ") would make a new regex for almost every text.
    if (open && i - start < MIN_GROUP) untest(alternatives);
    return { open, alternatives, all: '' };
  };
  const root = group('', true);
  if (i !== source.length) throw new Error('unbalanced');
  const every: string[] = ['u'];
  choose(root, null, 0, every);
  root.all = every.join(',');
  return root;
}

/** A run of characters that open or close nothing, at lastIndex. */
const PLAIN = /[^\\[()|]+/y;
/** A group's opening at lastIndex: `(`, `(?:`, a look-around's, or a named group's. */
const OPENING = /\((?:\?:|\?<?[=!]|\?<[A-Za-z_$][\w$]*>)?/y;

/** How long an inner group's source must be for its alternatives to be left out. */
const MIN_GROUP = 200;

function untest(alternatives: Alternative[]): void {
  for (const a of alternatives) {
    a.test = null;
    a.id = null;
    for (const item of a.items) if (typeof item !== 'string') untest(item.alternatives);
  }
}

/** Where a character class that starts at `from` ends (after its `]`). */
function classEnd(source: string, from: number): number {
  let i = from + 1;
  while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
  if (i >= source.length) throw new Error('unclosed class');
  return i + 1;
}

/** Adds to `kept` the id of each alternative of `group` that `mark` admits (every one without `mark`), and of theirs inside; whether any alternative is left. */
function choose(group: Group, mark: Int32Array | null, stamp: number, kept: string[]): boolean {
  let any = false;
  for (const a of group.alternatives) {
    if (mark && a.test && !holds(a.test, a.at, mark, stamp)) continue;
    if (a.id) kept.push(a.id);
    any = true;
    for (const item of a.items) if (typeof item !== 'string') choose(item, mark, stamp, kept);
  }
  return any;
}

/** The source of the chosen alternatives of `group`, each run of source as `write` writes it (null from it: null). */
function emitAlternatives(group: Group, chosen: Set<string>, write: null): string;
function emitAlternatives(group: Group, chosen: Set<string>, write: ((run: string) => string | null) | null): string | null;
function emitAlternatives(group: Group, chosen: Set<string>, write: ((run: string) => string | null) | null): string | null {
  let out = '';
  let first = true;
  for (const a of group.alternatives) {
    if (a.id && !chosen.has(a.id)) continue;
    if (!first) out += '|';
    first = false;
    for (const item of a.items) {
      const part = typeof item === 'string' ? (write ? write(item) : item) : emitGroup(item, chosen, write);
      if (part === null) return null;
      out += part;
    }
  }
  return out;
}

function emitGroup(group: Group, chosen: Set<string>, write: ((run: string) => string | null) | null): string | null {
  if (!group.alternatives.some((a) => !a.id || chosen.has(a.id))) return NOTHING;
  const inner = emitAlternatives(group, chosen, write);
  return inner === null ? null : `${group.open}${inner})`;
}

let plainWordFree: string | undefined;
/** PLAIN_WORD_CHAR written for the `u` flag alone (case-free.ts). */
function plainWordCharCaseFree(): string {
  return (plainWordFree ??= caseFree(PLAIN_WORD_CHAR)!);
}

/** A global, case-insensitive, whole-word regex of `parts` in order, whose `allMatches` runs only the parts a text could match. */
export function wholeWordAlternation(parts: readonly string[], flags = 'giu'): RegExp {
  return new Alternatives(parts, flags).regex;
}

/** Every match of the alternation `re` in `text`, its alternatives run one at a time (`Alternatives.separately`); undefined when `re` is no such alternation or the text is not plain. */
export function separately(re: RegExp, text: string): RegExpExecArray[] | undefined {
  if (!narrowing) return undefined;
  return byRegex.get(re)?.separately(text);
}

/** The regex `allMatches` should run on `text` for `re`: `re` itself, a narrowed copy, or null when nothing can match. */
export function narrowed(re: RegExp, text: string): RegExp | null {
  if (!narrowing) return whole(re);
  const a = byRegex.get(re);
  return a ? a.forText(text) : whole(re);
}

/**
 * A formula whose literals the text scan decides exactly as the regex does. Literals are
 * compared lower-cased; letters that case-fold to one another without lower-casing to one
 * another (Greek final sigma, the micro sign) would be missed, so a literal with any character
 * outside ASCII, Latin-1 letters and general punctuation counts as unknown.
 */
function usable(need: Need): Need {
  if (need === null) return null;
  if (typeof need === 'string') return SAFE_LITERAL.test(need) ? need : null;
  if ('all' in need) {
    const parts = need.all.map(usable).filter((p) => p !== null);
    return parts.length === 0 ? null : parts.length === 1 ? parts[0] : { all: parts };
  }
  const parts = need.any.map(usable);
  return parts.some((p) => p === null) ? null : { any: parts };
}
const SAFE_LITERAL = /^[\u0000-\u007f\u00c0-\u00d6\u00d8-\u00de\u00e0-\u00f6\u00f8-\u00ff\u2000-\u206f]+$/;

const LITERAL = 0;
const ALL = 1;
const ANY = 2;

/**
 * `need` as a flat program: a literal is `[LITERAL, id]`, an `all` or `any` of parts is
 * `[ALL or ANY, length of the whole node, ...parts]`.
 */
export function compileNeed(need: Need): Test | null {
  if (need === null) return null;
  const code: number[] = [];
  const emit = (n: Exclude<Need, null>): void => {
    if (typeof n === 'string') {
      code.push(LITERAL, shared.idOf(foldCase(n)));
      return;
    }
    const at = code.length;
    code.push('all' in n ? ALL : ANY, 0);
    for (const part of 'all' in n ? n.all : n.any) emit(part!);
    code[at + 1] = code.length - at;
  };
  emit(need);
  return Int32Array.from(code);
}

/** Whether the node of `code` at `at` holds for the text marked in `mark` with `stamp`. */
export function holds(code: Int32Array, at: number, mark: Int32Array, stamp: number): boolean {
  const op = code[at];
  if (op === LITERAL) return mark[code[at + 1]] === stamp;
  const end = at + code[at + 1];
  for (let k = at + 2; k < end; k += code[k] === LITERAL ? 2 : code[k + 1]) {
    if (holds(code, k, mark, stamp) !== (op === ALL)) return op !== ALL;
  }
  return op === ALL;
}

/** Lower case, and long s as s: how the text gates compare text (see text-gates.ts). */
function foldCase(text: string): string {
  const lower = text.toLowerCase();
  return lower.includes('ſ') ? lower.replaceAll('ſ', 's') : lower;
}
