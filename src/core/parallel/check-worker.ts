import { parentPort, workerData } from 'node:worker_threads';
import { createChecks } from '../audit.ts';
import { RowRereader } from '../../intake/reread.ts';
import type { Rule } from '../../checks/rule-kind.ts';
import { toWire, type FromWorker, type ToWorker, type WorkerInit } from './wire.ts';

/**
 * A check worker: runs the case-scoped checks over the records the main thread sends it (all
 * the records of the cases it owns, in input order) and returns their drafts; at the end, the
 * drafts and report sections of finish().
 */
const { rules, env } = workerData as WorkerInit;
// The worker reads rows again itself, from the files the main thread tells it of.
const reread = new RowRereader();
const checks = createChecks(rules, { ...env, records: reread });
const ruleIndex = new Map<Rule, number>(rules.map((r, i) => [r, i]));
const port = parentPort!;

function reply(message: FromWorker): void {
  port.postMessage(message);
}

port.on('message', (message: ToWorker) => {
  try {
    if (message.type === 'input') reread.register(message.input);
    else if (message.type === 'records') {
      const drafts = message.records.flatMap((record, i) => checks.flatMap((c) => c.record(record, message.places[i] ?? undefined)));
      reply({ type: 'done', batch: message.batch, drafts: drafts.map((d) => toWire(d, ruleIndex)) });
    } else {
      const drafts = checks.flatMap((c) => c.finish());
      const sections: Record<string, unknown[]> = {};
      for (const c of checks) Object.assign(sections, c.sections?.());
      reread.close();
      reply({ type: 'finished', drafts: drafts.map((d) => toWire(d, ruleIndex)), sections });
    }
  } catch (err) {
    const e = err as Error;
    reply({ type: 'failed', message: e.message, stack: e.stack });
  }
});
