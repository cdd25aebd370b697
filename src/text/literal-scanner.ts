/**
 * Finds which of a fixed set of literal strings occur in a text, in one pass over it
 * (Aho–Corasick). Thousands of literals cost no more per character than a few: this is how
 * every check's "could this record match at all?" question is answered with one read of the
 * record instead of one regular expression per rule.
 */
export class LiteralScanner {
  /** Transitions of each state, by UTF-16 code unit. */
  private readonly next: Map<number, number>[] = [new Map()];
  private readonly fail: number[] = [0];
  /** Literal ids that end at each state (its own and, through fail links, shorter ones). */
  private readonly out: number[][] = [[]];
  /** The root's transitions as a flat table: most characters of a text start nothing. */
  private readonly root = new Int32Array(0x10000);

  constructor(readonly literals: readonly string[]) {
    literals.forEach((literal, id) => {
      let s = 0;
      for (let k = 0; k < literal.length; k++) {
        const c = literal.charCodeAt(k);
        let t = this.next[s].get(c);
        if (t === undefined) {
          t = this.next.length;
          this.next.push(new Map());
          this.fail.push(0);
          this.out.push([]);
          this.next[s].set(c, t);
        }
        s = t;
      }
      this.out[s].push(id);
    });
    const queue: number[] = [];
    for (const [c, t] of this.next[0]) {
      this.root[c] = t;
      queue.push(t);
    }
    for (let q = 0; q < queue.length; q++) {
      const s = queue[q];
      for (const [c, t] of this.next[s]) {
        let f = this.fail[s];
        while (f !== 0 && !this.next[f].has(c)) f = this.fail[f];
        const g = this.next[f].get(c);
        this.fail[t] = g !== undefined && g !== t ? g : 0;
        if (this.out[this.fail[t]].length) this.out[t] = [...this.out[t], ...this.out[this.fail[t]]];
        queue.push(t);
      }
    }
  }

  /** Marks in `found` (one slot per literal) each literal that occurs in `text`. */
  scan(text: string, found: Uint8Array): void {
    const { next, fail, out, root } = this;
    let s = 0;
    for (let k = 0; k < text.length; k++) {
      const c = text.charCodeAt(k);
      if (s === 0) {
        s = root[c];
      } else {
        let t = next[s].get(c);
        while (t === undefined && s !== 0) {
          s = fail[s];
          t = s === 0 ? root[c] || undefined : next[s].get(c);
        }
        s = t ?? 0;
      }
      const ids = out[s];
      for (let j = 0; j < ids.length; j++) found[ids[j]] = 1;
    }
  }
}
