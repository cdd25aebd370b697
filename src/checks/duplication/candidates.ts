/**
 * The fingerprint index: every record's winnowed fingerprints, sorted by hash once all records
 * are in, so that each hash's posting list names the records that share it. A hash found in
 * more cases than the template limit is boilerplate and pairs nobody. In a posting, each record
 * is paired only with a few of the nearest earlier records of each child (subject) in it (see
 * pairPosting). A posting of n records about c children gives at most 3 × n × c pairs; c is
 * bounded by the template limit times the children in a case, and so the pairs grow with the
 * number of records, not its square.
 */
import { u32 } from './columns.ts';

/** Records above 2^26 would not fit the pair keys (later × 2^26 + earlier) exactly. */
export const MAX_RECORDS = 1 << 26;

/**
 * Fingerprints two records must share to be compared. A passage of 40 words keeps about eight
 * (2 / (W + 1) of its shingles); one shared fingerprint is most often a stock phrase.
 */
export const MIN_SHARED = 2;

export interface Chronology {
  caseOf: Uint32Array;
  subjectOf: Uint32Array;
  day: Int32Array;
  /** Each record's place in date, time, id order. */
  rank: Uint32Array;
}

export interface CandidateSearch {
  /** Distinct cases per hash, for hashes found in more cases than the smallest limit (capped at the largest + 1). */
  templateCases: Map<number, number>;
  /** Candidate pairs as later × 2^26 + earlier (store numbers), sorted, distinct. */
  pairs: Float64Array;
}

export class FingerprintIndex {
  private readonly hashes = u32();
  private readonly owners = u32();

  add(recordNumber: number, fingerprints: Uint32Array): void {
    for (const h of fingerprints) {
      this.hashes.push(h);
      this.owners.push(recordNumber);
    }
  }

  get size(): number {
    return this.hashes.length;
  }

  get bytes(): number {
    return this.hashes.bytes + this.owners.bytes;
  }

  /**
   * Pairs the records that share fingerprints. `minCases`/`maxCases` are the smallest and the
   * largest template limits of the rules: hashes in more than `maxCases` cases pair nobody.
   */
  search(chronology: Chronology, minCases: number, maxCases: number): CandidateSearch {
    const [hashes, owners] = sortByHash(this.hashes.take(), this.owners.take());
    const { caseOf } = chronology;
    const templateCases = new Map<number, number>();
    const pairs = u32();
    const cases: number[] = [];
    for (let i = 0; i < hashes.length; ) {
      let j = i + 1;
      while (j < hashes.length && hashes[j] === hashes[i]) j++;
      if (j - i > 1) {
        cases.length = 0;
        for (let x = i; x < j && cases.length <= maxCases; x++) if (!cases.includes(caseOf[owners[x]])) cases.push(caseOf[owners[x]]);
        if (cases.length > minCases) templateCases.set(hashes[i], cases.length);
        if (cases.length <= maxCases) pairPosting(owners.subarray(i, j), chronology, pairs);
      }
      i = j;
    }
    return { templateCases, pairs: distinctPairs(pairs.take(), MIN_SHARED) };
  }
}

/** Earlier records of each child a record is paired with in one posting list. */
export const PER_CHILD = 2;
/** Recent records remembered per child in one posting list (to find those of an earlier day). */
const REMEMBERED = 8;

/**
 * Pairs within one posting list, in chronological order: each record with the nearest earlier
 * record of each child, and with up to PER_CHILD of each child's nearest records that are not
 * the same case on the same day (a note filed on each child of a family).
 */
function pairPosting(members: Uint32Array, { caseOf, subjectOf, day, rank }: Chronology, out: ReturnType<typeof u32>): void {
  const sorted = Uint32Array.from(members).sort((a, b) => rank[a] - rank[b]);
  const recent = new Map<number, number[]>();
  for (const r of sorted) {
    for (const list of recent.values()) {
      let kept = 0;
      for (let i = list.length - 1; i >= 0 && kept < PER_CHILD; i--) {
        const s = list[i];
        const sameDay = caseOf[s] === caseOf[r] && day[s] === day[r];
        if (sameDay && i !== list.length - 1) continue;
        out.push(r);
        out.push(s);
        if (!sameDay) kept++;
      }
    }
    const list = recent.get(subjectOf[r]);
    if (!list) recent.set(subjectOf[r], [r]);
    else {
      list.push(r);
      if (list.length > REMEMBERED) list.shift();
    }
  }
}

/** The distinct pairs that share at least `minShared` fingerprints. */
function distinctPairs(flat: Uint32Array, minShared: number): Float64Array {
  const keys = new Float64Array(flat.length / 2);
  for (let i = 0; i < keys.length; i++) keys[i] = flat[2 * i] * MAX_RECORDS + flat[2 * i + 1];
  keys.sort();
  let n = 0;
  for (let i = 0; i < keys.length; ) {
    let j = i + 1;
    while (j < keys.length && keys[j] === keys[i]) j++;
    if (j - i >= minShared) keys[n++] = keys[i];
    i = j;
  }
  return keys.slice(0, n);
}

/** Stable LSD radix sort of (hash, owner) by hash, 16 bits a pass. */
function sortByHash(hashes: Uint32Array, owners: Uint32Array): [Uint32Array, Uint32Array] {
  let [h, o]: Uint32Array[] = [hashes, owners];
  let [h2, o2]: Uint32Array[] = [new Uint32Array(h.length), new Uint32Array(h.length)];
  for (const shift of [0, 16]) {
    const counts = new Uint32Array(65537);
    for (let i = 0; i < h.length; i++) counts[((h[i] >>> shift) & 0xffff) + 1]++;
    for (let b = 1; b <= 65536; b++) counts[b] += counts[b - 1];
    for (let i = 0; i < h.length; i++) {
      const at = counts[(h[i] >>> shift) & 0xffff]++;
      h2[at] = h[i];
      o2[at] = o[i];
    }
    [h, o, h2, o2] = [h2, o2, h, o];
  }
  return [h, o];
}
