/**
 * Deflating off the main thread. On the main thread, batches are deflated by one worker thread
 * of their own, started at the first batch and shared by every store (deflated-rows.ts); the
 * main thread only copies a batch into a message. zlib's asynchronous functions would not do:
 * they set up the stream, and its preset dictionary (hashing 32 KB), on the calling thread,
 * which was about 40% of the cost of deflating an 8 KB batch. In a check worker, or should the
 * thread fail to start, a batch is deflated where it is, at once.
 *
 * The thread is not waited for: a store keeps each batch as it is until the deflated one comes
 * back, so nothing read depends on when that is, and the thread does not keep the process alive.
 */
import { isMainThread, Worker } from 'node:worker_threads';
import { deflateRawSync, type ZlibOptions } from 'node:zlib';

/** Gives back the deflated batch, or null if it could not be deflated (it is then kept as it is). */
export type Deflated = (batch: number, deflated: Buffer | null) => void;

const SOURCE = `
const { parentPort } = require('node:worker_threads');
const { deflateRawSync } = require('node:zlib');
const options = new Map();
parentPort.on('message', (m) => {
  if (m.options) options.set(m.id, m.options);
  let out = null;
  try {
    out = deflateRawSync(m.data, options.get(m.id));
  } catch {}
  parentPort.postMessage({ id: m.id, batch: m.batch, out });
});
`;

let thread: Worker | null | undefined;
/** Each store's callback, while it has batches in the thread, and how many. */
const waiting = new Map<number, { done: Deflated; count: number }>();
let nextId = 0;

function started(): Worker | null {
  if (thread !== undefined) return thread;
  try {
    // It holds a batch or two at a time: a small heap is plenty.
    thread = new Worker(SOURCE, { eval: true, resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 64 } });
    thread.on('message', (m: { id: number; batch: number; out: Uint8Array | null }) => {
      const w = waiting.get(m.id);
      if (!w) return;
      if (--w.count === 0) waiting.delete(m.id);
      w.done(m.batch, m.out ? Buffer.from(m.out.buffer, m.out.byteOffset, m.out.byteLength) : null);
    });
    // A thread that fails leaves the batches it held as they are; later ones are deflated here.
    thread.on('error', () => stop());
    thread.on('exit', () => stop());
    // (After the listeners: listening for messages would keep the process alive again.)
    thread.unref();
  } catch {
    thread = null;
  }
  return thread;
}

function stop(): void {
  thread = null;
  for (const [, w] of waiting) for (let i = 0; i < w.count; i++) w.done(-1, null);
  waiting.clear();
}

/**
 * A store's way to deflate its batches with `options`: `deflate(batch, data, here)` calls `done`
 * once, now or later; `here` deflates on this thread, now (a store whose batches wait for the
 * thread asks for that, so that a busy machine cannot make them pile up).
 */
export function deflater(options: ZlibOptions, done: Deflated): (batch: number, data: Buffer, here?: boolean) => void {
  const id = nextId++;
  let optionsSent = false;
  return (batch, data, here = false) => {
    const worker = isMainThread && !here ? started() : null;
    if (!worker) {
      let out: Buffer | null = null;
      try {
        out = deflateRawSync(data, options);
      } catch {}
      done(batch, out);
      return;
    }
    const w = waiting.get(id);
    if (w) w.count++;
    else waiting.set(id, { done, count: 1 });
    worker.postMessage({ id, batch, data, ...(!optionsSent && { options }) });
    optionsSent = true;
  };
}
