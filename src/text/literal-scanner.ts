/**
 * Finds which of a fixed set of literal strings occur in a text, in one pass over it
 * (Aho–Corasick, compiled to a table: one look-up a character). Thousands of literals cost no
 * more per character than a few: this is how every check's "could this record match at all?"
 * question is answered with one read of the record instead of one regular expression per rule.
 */
export class LiteralScanner {
  /** Each UTF-16 code unit's class: 0 for a character no literal holds, else 1 + its index among those that do. */
  private readonly classOf = new Uint16Array(0x10000);
  private readonly classes: number;
  /** next state = delta[state * classes + class]. */
  private readonly delta: Int32Array;
  /** Literal ids that end at each state (its own and, through fail links, shorter ones). */
  private readonly out: number[][];

  constructor(readonly literals: readonly string[]) {
    let classes = 1;
    for (const literal of literals) {
      for (let k = 0; k < literal.length; k++) {
        const c = literal.charCodeAt(k);
        if (this.classOf[c] === 0) this.classOf[c] = classes++;
      }
    }
    this.classes = classes;
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

  /**
   * Adds to `out` the id of each literal that occurs in `text`, once: `mark` (one slot per
   * literal) is set to `stamp` for each, so a stamp not used before starts from no literal.
   */
  collect(text: string, mark: Int32Array, stamp: number, out: number[]): void {
    const { classOf, classes, delta, out: ends } = this;
    let s = 0;
    for (let k = 0; k < text.length; k++) {
      s = delta[s * classes + classOf[text.charCodeAt(k)]];
      if (s !== 0) {
        const ids = ends[s];
        for (let j = 0; j < ids.length; j++) {
          if (mark[ids[j]] !== stamp) {
            mark[ids[j]] = stamp;
            out.push(ids[j]);
          }
        }
      }
    }
  }

  /** Marks in `found` (one slot per literal) each literal that occurs in `text`. */
  scan(text: string, found: Uint8Array): void {
    const { classOf, classes, delta, out } = this;
    let s = 0;
    for (let k = 0; k < text.length; k++) {
      s = delta[s * classes + classOf[text.charCodeAt(k)]];
      if (s !== 0) {
        const ids = out[s];
        for (let j = 0; j < ids.length; j++) found[ids[j]] = 1;
      }
    }
  }
}
