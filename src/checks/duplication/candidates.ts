/**
 * The fingerprint index: every record's winnowed fingerprints, sorted by hash once all records
 * are in, so that each hash's posting list names the records that share it. A hash found in
 * more cases than the template limit is boilerplate and pairs nobody. In a posting, each record
 * is paired only with a few of the nearest earlier records of each child (subject) in it (see
 * pairPosting). A posting of n records about c children gives at most 3 × n × c pairs; c is
 * bounded by the template limit times the children in a case, and so the pairs grow with the
 * number of records, not its square.
 */
import { u32 } from '../../model/columns.ts';
import { largest } from '../../model/lists.ts';
import { runSteps, type Steps } from '../../model/steps.ts';

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
  /** Each record's input file (an export): boilerplate is judged within one (all 0 when absent). */
  fileOf?: Uint32Array;
  day: Int32Array;
  /** Each record's place in date, time, id order. */
  rank: Uint32Array;
}

export interface CandidateSearch {
  /**
   * Distinct cases of one input file per hash, keyed by templateKey(hash, file), for hashes
   * found in more of the file's cases than the smallest limit (capped at the largest + 1).
   */
  templateCases: Map<number, number>;
  /** Candidate pairs as later × 2^26 + earlier (store numbers), sorted, distinct. */
  pairs: Float64Array;
}

/** Input files told apart in templateCases' keys. */
export const MAX_FILES = 1 << 20;

/** The key of a hash's case count in one input file. */
export function templateKey(hash: number, file: number): number {
  return hash * MAX_FILES + file;
}

/** Posting lists paired between two steps of searchInSteps. */
const POSTINGS_A_STEP = 1024;

/** The top bits of a hash that say which pass of the search it is sorted in. */
const BUCKET_SHIFT = 24;
/** Fingerprints sorted in one pass of the search (16 bytes each while sorted: 64 MB). */
const PASS_SIZE = 1 << 22;

export class FingerprintIndex {
  /** Every record's fingerprints, record after record. */
  private readonly hashes = u32();
  /** Where each record's fingerprints end in `hashes` (its owner is found from this, not stored with each hash). */
  private readonly ends = u32();
  /** Fingerprints by the top bits of the hash. */
  private readonly buckets = new Float64Array(1 << (32 - BUCKET_SHIFT));

  /** `passSize`: fingerprints sorted in one pass of the search (smaller only in tests). */
  constructor(private readonly passSize = PASS_SIZE) {}

  /** Adds the fingerprints of record `recordNumber`, which must be the next record (0, 1, 2 …). */
  add(recordNumber: number, fingerprints: Uint32Array): void {
    if (recordNumber !== this.ends.length) throw new Error(`fingerprints of record ${recordNumber} added out of turn`);
    for (let i = 0; i < fingerprints.length; i++) {
      this.hashes.push(fingerprints[i]);
      this.buckets[fingerprints[i] >>> BUCKET_SHIFT]++;
    }
    this.ends.push(this.hashes.length);
  }

  get size(): number {
    return this.hashes.length;
  }

  get bytes(): number {
    return this.hashes.bytes + this.ends.bytes;
  }

  /**
   * Pairs the records that share fingerprints. `minCases`/`maxCases` are the smallest and the
   * largest template limits of the rules: hashes in more than `maxCases` cases pair nobody.
   * The (hash, record) pairs are sorted a range of hashes at a time, so that sorting needs
   * memory for `passSize` of them, not for all; the index is emptied.
   */
  search(chronology: Chronology, minCases: number, maxCases: number): CandidateSearch {
    return runSteps(this.searchInSteps(chronology, minCases, maxCases));
  }

  /** search() in steps: one after each sorted pass and every POSTINGS_A_STEP posting lists. */
  *searchInSteps(chronology: Chronology, minCases: number, maxCases: number): Steps<CandidateSearch> {
    const { caseOf } = chronology;
    const fileOf = chronology.fileOf ?? new Uint32Array(caseOf.length);
    const templateCases = new Map<number, number>();
    const pairs = u32();
    const ends = this.ends.take();
    const parts = this.hashes.parts;
    const { ranges, size } = passes(this.buckets, this.passSize);
    const buffers = [0, 1, 2, 3].map(() => new Uint32Array(size));
    for (const [low, high] of ranges) {
      const [hashes, owners] = sortByHash(...gather(parts, ends, low, high, buffers));
      yield;
      let postings = 0;
      for (let i = 0; i < hashes.length; ) {
        let j = i + 1;
        while (j < hashes.length && hashes[j] === hashes[i]) j++;
        if (j - i > 1) {
          posting(hashes[i], owners.subarray(i, j), chronology, fileOf, minCases, maxCases, templateCases, pairs);
          if (++postings % POSTINGS_A_STEP === 0) yield;
        }
        i = j;
      }
    }
    this.hashes.clear();
    this.buckets.fill(0);
    return { templateCases, pairs: distinctPairs(pairs.take(), MIN_SHARED) };
  }
}

/**
 * Boilerplate is judged within each input file (an export), so that the records of one file
 * give the same findings whether it is audited alone or with others: a hash's cases are
 * counted file by file, and a file in which it is in more than `maxCases` cases pairs none of
 * its records on it. The rest are paired as one list when their cases, all files together, are
 * at most `maxCases`, else file by file (pairs across files are the only ones that depend on
 * which files are read together, and a list of many cases would make pairs grow faster than
 * the export).
 */
function posting(
  hash: number,
  members: Uint32Array,
  chronology: Chronology,
  fileOf: Uint32Array,
  minCases: number,
  maxCases: number,
  templateCases: Map<number, number>,
  pairs: ReturnType<typeof u32>,
): void {
  const { caseOf } = chronology;
  const first = fileOf[members[0]];
  let oneFile = true;
  for (let x = 1; x < members.length && oneFile; x++) oneFile = fileOf[members[x]] === first;
  if (oneFile) {
    const n = distinctCases(members, caseOf, maxCases);
    if (n > minCases) templateCases.set(templateKey(hash, first), n);
    if (n <= maxCases) pairPosting(members, chronology, pairs);
    return;
  }
  const byFile = new Map<number, number[]>();
  for (const m of members) {
    const list = byFile.get(fileOf[m]);
    if (list) list.push(m);
    else byFile.set(fileOf[m], [m]);
  }
  const pairable: Uint32Array[] = [];
  for (const [file, list] of byFile) {
    const own = Uint32Array.from(list);
    const n = distinctCases(own, caseOf, maxCases);
    if (n > minCases) templateCases.set(templateKey(hash, file), n);
    if (n <= maxCases) pairable.push(own);
  }
  const all = Uint32Array.from(pairable.flatMap((p) => [...p]));
  if (pairable.length > 1 && distinctCases(all, caseOf, maxCases) <= maxCases) pairPosting(all, chronology, pairs);
  else for (const own of pairable) if (own.length > 1) pairPosting(own, chronology, pairs);
}

/** Distinct cases of the members, counted up to `cap` + 1. */
function distinctCases(members: Uint32Array, caseOf: Uint32Array, cap: number): number {
  const cases: number[] = [];
  for (let x = 0; x < members.length && cases.length <= cap; x++) if (!cases.includes(caseOf[members[x]])) cases.push(caseOf[members[x]]);
  return cases.length;
}

/**
 * The ranges of buckets sorted in one pass each: as few passes as `passSize` allows (or the
 * largest bucket), of about equal size; `size` is the largest.
 */
function passes(buckets: Float64Array, passSize: number): { ranges: [number, number][]; size: number } {
  const total = buckets.reduce((a, b) => a + b, 0);
  const target = Math.max(largest(buckets), Math.ceil(total / Math.max(1, Math.ceil(total / passSize))));
  const ranges: [number, number][] = [];
  let size = 0;
  for (let low = 0; low < buckets.length; ) {
    let [high, n] = [low, 0];
    while (high < buckets.length && n + buckets[high] <= target) n += buckets[high++];
    ranges.push([low, high]);
    size = Math.max(size, n);
    low = high;
  }
  return { ranges, size };
}

/**
 * The (hash, owner) pairs whose hash is in buckets [low, high), in record order, into the
 * first two of `buffers`; the other two are the sort's spare space.
 */
function gather(
  parts: Uint32Array[],
  ends: Uint32Array,
  low: number,
  high: number,
  buffers: Uint32Array[],
): [Uint32Array, Uint32Array, Uint32Array, Uint32Array] {
  const [hashes, owners] = buffers;
  const width = high - low;
  let n = 0;
  let at = 0;
  let p = 0;
  let part = parts[0];
  let i = 0;
  for (let owner = 0; owner < ends.length; owner++) {
    for (const end = ends[owner]; at < end; at++, i++) {
      if (i === part.length) [part, i] = [parts[++p], 0];
      const h = part[i];
      if (((h >>> BUCKET_SHIFT) - low) >>> 0 >= width) continue;
      hashes[n] = h;
      owners[n++] = owner;
    }
  }
  return [hashes.subarray(0, n), owners.subarray(0, n), buffers[2].subarray(0, n), buffers[3].subarray(0, n)];
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

/** Stable LSD radix sort of (hash, owner) by hash, 16 bits a pass, using `h2` and `o2` as spare space. */
function sortByHash(hashes: Uint32Array, owners: Uint32Array, h2: Uint32Array, o2: Uint32Array): [Uint32Array, Uint32Array] {
  let [h, o] = [hashes, owners];
  const counts = new Uint32Array(65537);
  for (const shift of [0, 16]) {
    counts.fill(0);
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
