/**
 * The duplication check. While records stream in, it keeps each record's winnowed fingerprints
 * and the record's place in its file (or, where it has none, the record itself, deflated). At the end it pairs the records that share fingerprints,
 * verifies each pair on the masked tokens, and flags the later record of every pair whose
 * passage is long and close enough and not boilerplate.
 *
 * With worker threads the fingerprints are worked out in the case workers (digest.ts) and come
 * back by `digested()`, in any order: a record waits, with its place, until its own and every
 * earlier record's have come, and is then kept exactly as record() keeps it on one thread, so
 * the records are numbered and indexed in the same order either way.
 */
import type { Check, CheckEnv } from '../rule-kind.ts';
import type { CanonicalRecord, RecordPlace, RecordReader } from '../../model/record.ts';
import type { FlagDraft } from '../../model/flag.ts';
import { joinPieces, matchRuns, passages, type Passage } from './align.ts';
import { FingerprintIndex, MAX_RECORDS, templateKey } from './candidates.ts';
import { draft } from './draft.ts';
import { resolve, type Finding, type Prepared } from './finding.ts';
import { fingerprints, shingles } from './fingerprints.ts';
import { differentSubjects, identityEvidence, namesChild, subjectOf, wordsOf } from './identity.ts';
import type { FindingKind, Scope } from './message.ts';
import { RecordStore } from './store.ts';
import { templateMask } from './template.ts';
import { maskedIds, tokenize } from './tokens.ts';
import { withoutHeadings } from '../../model/segments.ts';
import { DEFAULTS, type DuplicationRule } from './rule.ts';
import { minWordsOf } from './digest.ts';
import { append, largest, smallest } from '../../model/lists.ts';
import { runSteps, type Steps } from '../../model/steps.ts';

/** What the check did, for tests and the README's cost figures. */
export interface DuplicationStats {
  records: number;
  indexed: number;
  fingerprints: number;
  /** Distinct (later, earlier) record pairs verified. */
  candidatePairs: number;
  findings: number;
  /** Records kept whole (deflated) because intake gave no place to read them again from. */
  keptRows: number;
  /** Bytes held at the end of reading: records (places or deflated rows) and fingerprints. */
  recordBytes: number;
  fingerprintBytes: number;
}

const CACHE = 4096;

/** A record read whose fingerprints have not come back from its worker yet. */
interface Waiting {
  record: CanonicalRecord;
  place: RecordPlace | undefined;
  /** Its fingerprints (copied), null when it is too short to index, undefined until they come. */
  prints: Uint32Array | null | undefined;
}

/** What stands in `waiting` for a record once kept. */
const KEPT: Waiting = { record: null as unknown as CanonicalRecord, place: undefined, prints: null };

export class DuplicationCheck implements Check {
  private readonly store: RecordStore;
  private readonly index = new FingerprintIndex();
  private readonly minWords: number;
  private readonly allowed: Set<number>[];
  private readonly cache = new Map<number, Prepared>();
  private records = 0;
  /** With digests worked out elsewhere: records not yet kept, from record number `waitingFrom` on. */
  private readonly digestsElsewhere: boolean;
  private waiting: Waiting[] = [];
  private waitingFrom = 0;
  private waitingHead = 0;
  readonly stats: DuplicationStats = {
    records: 0,
    indexed: 0,
    fingerprints: 0,
    candidatePairs: 0,
    findings: 0,
    keptRows: 0,
    recordBytes: 0,
    fingerprintBytes: 0,
  };

  /**
   * `records`: reads a record again from its place (CheckEnv.records); without it every record is kept deflated.
   * `digestsElsewhere`: the fingerprints come from the workers (`digested()`), not from record().
   */
  constructor(
    private readonly rules: DuplicationRule[],
    records?: RecordReader,
    { digestsElsewhere = false }: Pick<CheckEnv, 'digestsElsewhere'> = {},
  ) {
    this.store = new RecordStore(records);
    this.minWords = minWordsOf(rules);
    this.allowed = rules.map((r) => new Set((r.allowed_passages ?? []).flatMap((p) => [...shingles(tokenize(p).ids)])));
    this.digestsElsewhere = digestsElsewhere;
  }

  record(record: CanonicalRecord, place?: RecordPlace): FlagDraft[] {
    if (this.digestsElsewhere) {
      this.records++;
      this.waiting.push({ record, place, prints: undefined });
      return [];
    }
    return runSteps(this.recordInSteps(record, place));
  }

  /** The fingerprints of record n, from a worker (digest.ts): keeps every record whose own and earlier records' have all come. */
  digested(n: number, prints: Uint32Array | null): void {
    const at = n - this.waitingFrom;
    const entry = at >= this.waitingHead ? this.waiting[at] : undefined;
    if (!entry || entry.prints !== undefined) throw new Error(`fingerprints of record ${n} came ${entry ? 'twice' : 'for no record waiting'}`);
    // Nothing earlier waiting: kept now, from the caller's array; else copied to wait its turn.
    if (at === this.waitingHead) entry.prints = prints;
    else entry.prints = prints === null ? null : prints.slice();
    while (this.waitingHead < this.waiting.length && this.waiting[this.waitingHead].prints !== undefined) {
      this.keep(this.waiting[this.waitingHead]);
      this.waiting[this.waitingHead++] = KEPT;
    }
    if (this.waitingHead >= 1024 && this.waitingHead * 2 >= this.waiting.length) {
      this.waiting = this.waiting.slice(this.waitingHead);
      this.waitingFrom += this.waitingHead;
      this.waitingHead = 0;
    }
  }

  /** Keeps a record whose fingerprints have come, as recordInSteps keeps it. */
  private keep({ record, place, prints }: Waiting): void {
    if (!prints) return;
    if (this.store.size >= MAX_RECORDS) throw new Error(`the duplication check indexes at most ${MAX_RECORDS} records`);
    const stored = this.store.add(record, place);
    this.index.add(stored, prints);
  }

  /** record() in steps: one after each pass over the record (its tokens, storing it, its fingerprints), in the order record() always took them. */
  *recordInSteps(record: CanonicalRecord, place?: RecordPlace): Steps<FlagDraft[]> {
    if (this.digestsElsewhere) return this.record(record, place);
    this.records++;
    // A form's question headings are its design's template, shared by every form: not copied text.
    const ids = maskedIds(withoutHeadings(record), record.subject_name);
    if (ids.length < this.minWords) return [];
    if (this.store.size >= MAX_RECORDS) throw new Error(`the duplication check indexes at most ${MAX_RECORDS} records`);
    yield;
    const stored = this.store.add(record, place);
    yield;
    const prints = fingerprints(ids);
    yield;
    this.index.add(stored, prints);
    return [];
  }

  finish(): FlagDraft[] {
    return runSteps(this.finishInSteps());
  }

  /** Pairs, verifies and flags: a step for each record that has candidate pairs, so that the audit can take breaks. */
  *finishInSteps(): Steps<FlagDraft[]> {
    const missing = this.waiting.slice(this.waitingHead).filter((w) => w.prints === undefined).length;
    if (missing) throw new Error(`the duplication check is finishing with the fingerprints of ${missing} records still to come`);
    this.waiting = [];
    Object.assign(this.stats, {
      records: this.records,
      indexed: this.store.size,
      fingerprints: this.index.size,
      keptRows: this.store.keptRows,
      recordBytes: this.store.bytes,
      fingerprintBytes: this.index.bytes,
    });
    const limits = this.rules.map((r) => r.template_cases ?? DEFAULTS.template_cases);
    const chronology = this.store.columns();
    const { templateCases, pairs } = yield* this.index.searchInSteps(chronology, smallest(limits), largest(limits));
    this.stats.candidatePairs = pairs.length;
    // Boilerplate in the target's input file, or in the source's when it is another file.
    const fileOf = chronology.fileOf;
    const isTemplate = this.rules.map(
      (_, i) => (h: number, files: number[]) => files.some((f) => (templateCases.get(templateKey(h, f)) ?? 0) > limits[i]) || this.allowed[i].has(h),
    );
    const drafts: FlagDraft[] = [];
    for (let i = 0; i < pairs.length; ) {
      const later = Math.floor(pairs[i] / MAX_RECORDS);
      const target = this.prepared(later);
      const masksByFile = new Map<number, Uint8Array[]>();
      const masksFor = (file: number): Uint8Array[] => {
        let m = masksByFile.get(file);
        if (!m) {
          const files = file === fileOf[later] ? [file] : [fileOf[later], file];
          masksByFile.set(file, (m = isTemplate.map((t) => templateMask(target.shingles, target.tokens, (h) => t(h, files)))));
        }
        return m;
      };
      const findings: Finding[] = [];
      for (; i < pairs.length && Math.floor(pairs[i] / MAX_RECORDS) === later; i++) {
        const earlier = pairs[i] % MAX_RECORDS;
        const source = this.prepared(earlier);
        const masks = masksFor(fileOf[earlier]);
        if (source.record.record_id === target.record.record_id) continue;
        const runs = matchRuns(target.tokens, source.tokens, target.shingles, source.shingles);
        if (!runs.length) continue;
        this.rules.forEach((rule, r) => {
          for (const passage of joinPieces(
            passages(runs, target.tokens, source.tokens, masks[r]),
            target.tokens,
            source.tokens,
            masks[r],
            rule.min_similarity ?? DEFAULTS.min_similarity,
          )) {
            const finding = this.classify(rule, passage, target, source, chronology.rank[earlier]);
            if (finding) findings.push(finding);
          }
        });
      }
      for (const rule of this.rules)
        append(
          drafts,
          resolve(findings.filter((f) => f.rule === rule)).map((f) => draft(f, target)),
        );
      yield;
    }
    this.stats.findings = drafts.length;
    this.cache.clear();
    this.store.clearCache();
    return drafts;
  }

  private classify(rule: DuplicationRule, passage: Passage, target: Prepared, source: Prepared, sourceRank: number): Finding | null {
    if (passage.original < (rule.min_words ?? DEFAULTS.min_words) || passage.similarity < (rule.min_similarity ?? DEFAULTS.min_similarity)) return null;
    const aboutThisChild = namesChild(wordsOf(source.record.text, source.tokens, passage.sStart, passage.sEnd), target.subject.first);
    const scope: Scope = source.record.case_id === target.record.case_id ? 'same_case' : aboutThisChild ? 'same_family' : 'other_case';
    if (scope !== 'other_case' && source.record.record_date === target.record.record_date && !(rule.same_day_in_case ?? DEFAULTS.same_day_in_case)) return null;
    // A source passage that already names this child is about both children (a family note).
    const evidence =
      differentSubjects(target.record, source.record) && !aboutThisChild
        ? identityEvidence(
            target.record.text,
            target.tokens,
            { from: passage.tStart, to: passage.tEnd },
            { from: passage.alignedStart, to: passage.alignedEnd },
            target.subject,
            source.subject,
          )
        : null;
    const kind: FindingKind = evidence ? 'identity_mismatch' : scope === 'other_case' ? 'cross_case' : 'copy_forward';
    const sameWords = commonWords(
      wordsOf(target.record.text, target.tokens, passage.tStart, passage.tEnd),
      wordsOf(source.record.text, source.tokens, passage.sStart, passage.sEnd),
    );
    return { rule, passage, kind, scope, source, sourceRank, sameWords, evidence };
  }

  private prepared(n: number): Prepared {
    let p = this.cache.get(n);
    if (p) return p;
    const record = this.store.record(n);
    const tokens = tokenize(withoutHeadings(record), record.subject_name);
    p = { record, tokens, shingles: shingles(tokens.ids), subject: subjectOf(record) };
    if (this.cache.size >= CACHE) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(n, p);
    return p;
  }
}

/** How many of `a`'s words (any case) are also in `b`, counting repeats. */
function commonWords(a: string[], b: string[]): number {
  const left = new Map<string, number>();
  for (const w of b) left.set(w.toLowerCase(), (left.get(w.toLowerCase()) ?? 0) + 1);
  let n = 0;
  for (const w of a) {
    const k = w.toLowerCase();
    const c = left.get(k) ?? 0;
    if (c === 0) continue;
    left.set(k, c - 1);
    n++;
  }
  return n;
}
