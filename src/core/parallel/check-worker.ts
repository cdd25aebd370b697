import { parentPort, workerData } from 'node:worker_threads';
import { createChecks } from '../audit.ts';
import { RowRereader } from '../../intake/reread.ts';
import { findKind } from '../../checks/index.ts';
import type { Rule } from '../../checks/rule-kind.ts';
import { packDigests, toWire, type FromWorker, type ToWorker, type WorkerInit } from './wire.ts';
import { withoutText, type FlagDraft } from '../../model/flag.ts';

/**
 * A check worker: runs the case-scoped checks over the records the main thread sends it (all
 * the records of the cases it owns, in input order) and returns their drafts; at the end, the
 * drafts and report sections of finish(). It also works out, for every record it is sent, the
 * digests of the export-scoped kinds that have one (duplication's fingerprints), which go back
 * with the batch's drafts for the main thread's checks.
 */
const { rules, env, digests } = workerData as WorkerInit;
// The worker reads rows again itself, from the files the main thread tells it of.
const reread = new RowRereader();
const checks = createChecks(rules, { ...env, records: reread });
const digesters = digests.map(({ kind, rules }) => findKind(kind)!.digest!(rules, env));
const ruleIndex = new Map<Rule, number>(rules.map((r, i) => [r, i]));
const port = parentPort!;

/** A draft for the main thread, without its record's text (model/flag.ts: withoutText): less to copy, and less for the main thread to keep. */
function onWire(draft: FlagDraft) {
  return toWire(withoutText(draft), ruleIndex);
}

function reply(message: FromWorker, transfer: ArrayBuffer[] = []): void {
  port.postMessage(message, transfer);
}

port.on('message', (message: ToWorker) => {
  try {
    if (message.type === 'input') reread.register(message.input);
    else if (message.type === 'records') {
      const { records, places } = message;
      const drafts = records.flatMap((record, i) => checks.flatMap((c) => c.record(record, places[i] ?? undefined)));
      // One record at a time: a digest's array may be reused by the next.
      const packed = digesters.map((digest) => packDigests(each(records, digest), records.length));
      reply(
        { type: 'done', batch: message.batch, drafts: drafts.map(onWire), digests: packed },
        packed.flatMap((p) => [p.values.buffer, p.lengths.buffer]),
      );
    } else {
      const drafts = checks.flatMap((c) => c.finish());
      const sections: Record<string, unknown[]> = {};
      for (const c of checks) Object.assign(sections, c.sections?.());
      reread.close();
      reply({ type: 'finished', drafts: drafts.map(onWire), sections });
    }
  } catch (err) {
    const e = err as Error;
    reply({ type: 'failed', message: e.message, stack: e.stack });
  }
});

function* each<T, U>(items: T[], f: (item: T) => U): Generator<U> {
  for (const item of items) yield f(item);
}
