import { Worker } from 'node:worker_threads';
import type { CanonicalRecord, RecordPlace } from '../../model/record.ts';
import type { RereadableInput } from '../../intake/read-export.ts';
import type { FlagDraft } from '../../model/flag.ts';
import type { CheckEnv, Rule } from '../../checks/rule-kind.ts';
import { fromWire, unpackDigests, type FromWorker, type ToWorker, type WorkerInit } from './wire.ts';

/** Records sent to a worker in one message: large enough that posting costs little, small enough to keep workers busy. */
export const BATCH = 200;
/** Batches a worker may have waiting before reading pauses (bounds the memory of records in flight). */
const MAX_IN_FLIGHT = 6;

/**
 * The most a worker's heap (V8's old generation) may hold, in MB. V8 lets a heap grow, after
 * each full collection, by a factor of up to 4 when its limit is 2 GB or more (Node's default
 * here is about 4 GB) and of at most 2 below that; the checks' workers allocate fast, so their
 * heaps stood at two to three times their live data and set the audit's peak memory. Just
 * under 2 GB halves that headroom and still leaves a worker far more than the checks keep
 * (about 0.2 GB each at 100,000 records with two workers).
 */
export const WORKER_HEAP_MB = 2000;

interface Slot {
  worker: Worker;
  pending: CanonicalRecord[];
  places: (RecordPlace | null)[];
  /** Each pending record's number (its place in the order records were given to the pool). */
  numbers: number[];
  /** The record numbers of each batch sent and not yet answered, oldest first (a worker answers in order). */
  sent: number[][];
  inFlight: number;
  nextBatch: number;
  /** Set by finish(): called with the worker's report sections when it has finished. */
  onFinished: ((sections: Record<string, unknown[]>) => void) | null;
}

/**
 * The export-scoped checks whose kinds' digests the workers work out: each kind with its rules,
 * and where its digests go (the main thread's check, by record number: see Check.digested).
 */
export interface DigestTarget {
  kind: string;
  rules: Rule[];
  digested(n: number, digest: Uint32Array | null): void;
}

/**
 * Runs case-scoped checks in worker threads: every record of a case goes to the same worker
 * (chosen by a hash of case_id), in input order, so each worker sees whole cases exactly as a
 * single-threaded run would. Reading and the export-scoped checks stay on the main thread; the
 * workers also work out those checks' per-record digests (RuleKind.digest), which come back
 * with each batch and are handed to the checks by record number.
 *
 * `record()` returns a promise only when the workers are behind, and the caller awaits it
 * before reading on; drafts come back as the workers finish batches.
 */
export class CheckPool {
  private readonly slots: Slot[];
  private readonly drafts: FlagDraft[] = [];
  private failure: Error | null = null;
  private wake: (() => void) | null = null;
  private stopping = false;
  private readonly onFailure: ((err: Error) => void)[] = [];
  /** Records given to the pool so far. */
  private count = 0;

  /** `heapMb`: each worker's heap limit (WORKER_HEAP_MB; smaller only in tests). */
  constructor(
    private readonly rules: Rule[],
    env: CheckEnv,
    workers: number,
    private readonly digests: DigestTarget[] = [],
    heapMb = WORKER_HEAP_MB,
  ) {
    // The record reader stays here: each worker makes its own (check-worker.ts).
    const init: WorkerInit = { rules, env: { ...env, records: undefined }, digests: digests.map(({ kind, rules }) => ({ kind, rules })) };
    this.slots = Array.from({ length: workers }, () => {
      // Compiled (dist/), a worker loads the compiled module; from the sources, an entry point
      // that registers the TypeScript loader first (workers do not inherit it).
      const entry = import.meta.url.endsWith('.js') ? './check-worker.js' : './worker-entry.mjs';
      const worker = new Worker(new URL(entry, import.meta.url), { workerData: init, resourceLimits: { maxOldGenerationSizeMb: heapMb } });
      const slot: Slot = { worker, pending: [], places: [], numbers: [], sent: [], inFlight: 0, nextBatch: 0, onFinished: null };
      worker.on('message', (m: FromWorker) => this.receive(slot, m));
      worker.on('error', (err: Error & { code?: string }) =>
        this.fail(
          err.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new Error(
                `a check worker ran out of memory (its limit is ${heapMb} MB): audit the export in parts split by case and merge the reports (scrutineer merge), or with more --jobs`,
              )
            : err,
        ),
      );
      worker.on('exit', (code) => {
        if (!this.stopping) this.fail(new Error(`a check worker stopped unexpectedly (exit code ${code})`));
      });
      return slot;
    });
  }

  /** Tells every worker of a file whose rows can be read again (before any of its records). */
  input(input: RereadableInput): void {
    for (const slot of this.slots) slot.worker.postMessage({ type: 'input', input } satisfies ToWorker);
  }

  /** Queues a record (and its place in its file, if it has one) for its case's worker; resolves when there is room for more. */
  record(record: CanonicalRecord, place?: RecordPlace): Promise<void> | void {
    if (this.failure) throw this.failure;
    const slot = this.slots[caseHash(record.case_id) % this.slots.length];
    slot.pending.push(record);
    slot.places.push(place ?? null);
    slot.numbers.push(this.count++);
    if (slot.pending.length >= BATCH) this.send(slot);
    // A digest waits for every earlier record's: a worker given few records lately (an export
    // sorted by case) must not hold its part-filled batch while the others' records pile up.
    if (this.digests.length)
      for (const other of this.slots) if (other.pending.length && other.numbers[0] < this.count - BATCH * this.slots.length) this.send(other);
    if (slot.inFlight > MAX_IN_FLIGHT) return this.roomIn(slot);
  }

  /** Sends every record still waiting for a full batch. */
  flush(): void {
    for (const slot of this.slots) if (slot.pending.length) this.send(slot);
  }

  /**
   * Resolves once every batch sent has been answered, so that every record's digests have been
   * handed on (call after flush()).
   */
  async drained(): Promise<void> {
    while (this.slots.some((s) => s.inFlight > 0) && !this.failure) await new Promise<void>((resolve) => (this.wake = resolve));
    this.wake = null;
    if (this.failure) throw this.failure;
  }

  /**
   * Every draft of every record and of finish(), and the workers' report sections. Stops the
   * workers. May be called before drained(): the workers answer their last batches first.
   */
  async finish(): Promise<{ drafts: FlagDraft[]; sections: Record<string, unknown[]>[] }> {
    try {
      if (this.failure) throw this.failure;
      this.flush();
      const sections = await Promise.all(
        this.slots.map(
          (slot) =>
            new Promise<Record<string, unknown[]>>((resolve, reject) => {
              slot.onFinished = resolve;
              this.onFailure.push(reject);
              slot.worker.postMessage({ type: 'finish' } satisfies ToWorker);
            }),
        ),
      );
      if (this.failure) throw this.failure;
      return { drafts: this.drafts, sections };
    } finally {
      await this.stop();
    }
  }

  /** Stops the workers without waiting for their results (after an error elsewhere). */
  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private send(slot: Slot): void {
    const message: ToWorker = { type: 'records', batch: slot.nextBatch++, records: slot.pending, places: slot.places };
    slot.sent.push(slot.numbers);
    slot.pending = [];
    slot.places = [];
    slot.numbers = [];
    slot.inFlight++;
    slot.worker.postMessage(message);
  }

  private receive(slot: Slot, m: FromWorker): void {
    if (m.type === 'failed') {
      this.fail(new Error(m.message));
      return;
    }
    for (const d of m.drafts) this.drafts.push(fromWire(d, this.rules));
    if (m.type === 'done') {
      const numbers = slot.sent.shift()!;
      try {
        m.digests.forEach((packed, k) => unpackDigests(packed, (i, digest) => this.digests[k].digested(numbers[i], digest)));
      } catch (err) {
        this.fail(err as Error);
        return;
      }
      slot.inFlight--;
      this.wake?.();
    } else slot.onFinished?.(m.sections);
  }

  private fail(err: Error): void {
    this.failure ??= err;
    this.wake?.();
    for (const reject of this.onFailure) reject(this.failure);
  }

  private async roomIn(slot: Slot): Promise<void> {
    while (slot.inFlight > MAX_IN_FLIGHT && !this.failure) await new Promise<void>((resolve) => (this.wake = resolve));
    this.wake = null;
    if (this.failure) throw this.failure;
  }
}

/** A small, stable string hash (FNV-1a): the same case always goes to the same worker. */
export function caseHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
