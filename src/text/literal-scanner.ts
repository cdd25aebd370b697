/**
 * Finds which of a fixed set of literal strings occur in a text, in one pass over it
 * (Aho–Corasick, compiled to a table: one look-up a character). Thousands of literals cost no
 * more per character than a few: this is how every check's "could this record match at all?"
 * question is answered with one read of the record instead of one regular expression per rule.
 */
/** A scanner's tables, as `LiteralScanner.tables` gives them and its constructor takes them back. */
export interface ScannerTables {
  classOf: Uint16Array;
  classes: number;
  delta: Int32Array;
  out: number[][];
}

export class LiteralScanner {
  /** Each UTF-16 code unit's class: 0 for a character no literal holds, else 1 + its index among those that do. */
  private readonly classOf: Uint16Array;
  private readonly classes: number;
  /** next state = delta[state * classes + class]. */
  private readonly delta: Int32Array;
  /** Literal ids that end at each state (its own and, through fail links, shorter ones). */
  private readonly out: number[][];

  /**
   * With `foldCase`, the literals are lower case and a text is read as if lower-cased first
   * (each character as its one-character lower case, long s as s), without the copy: a text
   * holds a literal when its lower-cased form does, and also where a character whose lower case
   * is longer (İ) stands for its first letter.
   */
  constructor(
    readonly literals: readonly string[],
    options: { foldCase?: boolean; tables?: ScannerTables } = {},
  ) {
    if (options.tables) {
      // Tables made for these literals (with the same foldCase) by a scanner before.
      ({ classOf: this.classOf, classes: this.classes, delta: this.delta, out: this.out } = options.tables);
      return;
    }
    this.classOf = new Uint16Array(0x10000);
    let classes = 1;
    for (const literal of literals) {
      for (let k = 0; k < literal.length; k++) {
        const c = literal.charCodeAt(k);
        if (this.classOf[c] === 0) this.classOf[c] = classes++;
      }
    }
    this.classes = classes;
    if (options.foldCase) {
      const lower = lowerCaseTable();
      for (let c = 0; c < 0x10000; c++) {
        const l = lower[c];
        if (l !== c && this.classOf[l] !== 0) this.classOf[c] = this.classOf[l];
      }
    }
    // The trie, as sparse transitions by class.
    const next: Map<number, number>[] = [new Map()];
    const out: number[][] = [[]];
    literals.forEach((literal, id) => {
      let s = 0;
      for (let k = 0; k < literal.length; k++) {
        const c = this.classOf[literal.charCodeAt(k)];
        let t = next[s].get(c);
        if (t === undefined) {
          t = next.length;
          next.push(new Map());
          out.push([]);
          next[s].set(c, t);
        }
        s = t;
      }
      out[s].push(id);
    });
    // Breadth first, each state's missing transitions are its fail state's: a full table.
    const delta = new Int32Array(next.length * classes);
    const fail = new Int32Array(next.length);
    const queue: number[] = [];
    for (const [c, t] of next[0]) {
      delta[c] = t;
      queue.push(t);
    }
    for (let q = 0; q < queue.length; q++) {
      const s = queue[q];
      const f = fail[s];
      for (let c = 1; c < classes; c++) {
        const t = next[s].get(c);
        if (t === undefined) {
          delta[s * classes + c] = delta[f * classes + c];
        } else {
          delta[s * classes + c] = t;
          fail[t] = delta[f * classes + c];
          if (out[fail[t]].length) out[t] = [...out[t], ...out[fail[t]]];
          queue.push(t);
        }
      }
    }
    this.delta = delta;
    this.out = out;
  }

  /** The tables this scanner runs on. */
  tables(): ScannerTables {
    return { classOf: this.classOf, classes: this.classes, delta: this.delta, out: this.out };
  }

  /** The tables `collect` and `scan` run on, made from the others at the first text. */
  private run: RunTables | null = null;

  /**
   * Adds to `out` the id of each literal that occurs in `text`, once: `mark` (one slot per
   * literal) is set to `stamp` for each, so a stamp not used before starts from no literal.
   */
  collect(text: string, mark: Int32Array, stamp: number, out: number[]): void {
    const run = (this.run ??= runTables(this.delta, this.classes, this.out));
    const { classOf, classes } = this;
    const { step, outAt, outIds, seen } = run;
    const pass = nextPass(run);
    let s = 0;
    for (let k = 0; k < text.length; k++) {
      s = step[s * classes + classOf[text.charCodeAt(k)]];
      if (s !== 0 && seen[s] !== pass) {
        // A state's literals are marked the first time it is reached in a text.
        seen[s] = pass;
        for (let j = outAt[s], end = outAt[s + 1]; j < end; j++) {
          const id = outIds[j];
          if (mark[id] !== stamp) {
            mark[id] = stamp;
            out.push(id);
          }
        }
      }
    }
  }

  /** Marks in `found` (one slot per literal) each literal that occurs in `text`. */
  scan(text: string, found: Uint8Array): void {
    const run = (this.run ??= runTables(this.delta, this.classes, this.out));
    const { classOf, classes } = this;
    const { step, outAt, outIds } = run;
    let s = 0;
    for (let k = 0; k < text.length; k++) {
      s = step[s * classes + classOf[text.charCodeAt(k)]];
      if (s !== 0) for (let j = outAt[s], end = outAt[s + 1]; j < end; j++) found[outIds[j]] = 1;
    }
  }
}

/**
 * The scanner's tables as it runs them. The table of states (`delta`, as the build keeps it) is
 * about 3 MB for the default packs' 3,600 literals (13,500 states of 57 classes, 4 bytes each),
 * and the checks' own work between two texts pushes it out of the processor's caches: a record
 * scanned within an audit cost about 90 ns a character, five times what the same scan costs
 * alone. So the states are numbered again breadth first (the few hundred near the start, which
 * most characters of prose reach, lie together), kept in 2 bytes where there are at most 65,536
 * of them, and each state's literals are one run of a flat array, not an array of their own.
 */
interface RunTables {
  /** next state = step[state * classes + class], the states numbered breadth first. */
  step: Uint16Array | Int32Array;
  /** The literals that end at state s are outIds[outAt[s]] to outIds[outAt[s + 1] - 1]. */
  outAt: Int32Array;
  outIds: Int32Array;
  /** The pass (one a text) in which each state was last reached, so its literals are marked once a text. */
  seen: Int32Array;
  pass: number;
}

function runTables(delta: Int32Array, classes: number, out: number[][]): RunTables {
  const states = delta.length / classes;
  // Breadth first from the start: a state's distance from it is its depth in the trie.
  const renumbered = new Int32Array(states).fill(-1);
  const order = new Int32Array(states);
  let count = 0;
  renumbered[0] = 0;
  order[count++] = 0;
  for (let head = 0; head < count; head++) {
    const row = order[head] * classes;
    for (let c = 0; c < classes; c++) {
      const t = delta[row + c];
      if (renumbered[t] < 0) {
        renumbered[t] = count;
        order[count++] = t;
      }
    }
  }
  for (let s = 0; s < states; s++) {
    if (renumbered[s] < 0) {
      renumbered[s] = count;
      order[count++] = s;
    }
  }
  const step = states <= 0x10000 ? new Uint16Array(states * classes) : new Int32Array(states * classes);
  const outAt = new Int32Array(states + 1);
  let outs = 0;
  for (let n = 0; n < states; n++) {
    const row = order[n] * classes;
    for (let c = 0; c < classes; c++) step[n * classes + c] = renumbered[delta[row + c]];
    outAt[n] = outs;
    outs += out[order[n]].length;
  }
  outAt[states] = outs;
  const outIds = new Int32Array(outs);
  for (let n = 0; n < states; n++) outIds.set(out[order[n]], outAt[n]);
  return { step, outAt, outIds, seen: new Int32Array(states), pass: 0 };
}

/** A pass number not used before in `run.seen`. */
function nextPass(run: RunTables): number {
  if (run.pass === 0x7fffffff) {
    run.seen.fill(0);
    run.pass = 0;
  }
  return ++run.pass;
}

let lowerCase: Uint16Array | null = null;

/** Each UTF-16 code unit's lower case as `toLowerCase` gives it (its first unit when longer), with long s as s. */
function lowerCaseTable(): Uint16Array {
  if (lowerCase) return lowerCase;
  const table = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) table[c] = c;
  // Only letters have a lower case; the ranges that hold upper-case letters.
  for (const [from, to] of [
    [0x41, 0x5a],
    [0xc0, 0x58f],
    [0x10a0, 0x10ff],
    [0x13a0, 0x13ff],
    [0x1c80, 0x1cbf],
    [0x1e00, 0x1fff],
    [0x2100, 0x218f],
    [0x24b6, 0x24cf],
    [0x2c00, 0x2d2f],
    [0xa640, 0xa7ff],
    [0xff21, 0xff3a],
  ]) {
    for (let c = from; c <= to; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      table[c] = String.fromCharCode(c).toLowerCase().charCodeAt(0);
    }
  }
  table[0x17f] = 0x73;
  lowerCase = table;
  return table;
}
