// How long the main thread is held: load before the program (`node --import
// ./bench/event-loop-holds.mjs bin/scrutineer audit …`). A timer that should fire every 10 ms
// notes each time it fired late by more than HOLDS_OVER_MS (default 150); at exit the longest
// holds go to stderr, and with HOLDS_OUT=FILE every hold as JSON [start µs, end µs, ms] on the
// monotonic clock a CPU profile (`--cpu-prof`) also uses, so a profile's samples in a hold say
// what held it. A signal is handled only when the main thread is free: the longest hold is the
// longest a Ctrl-C can wait.
import { writeFileSync } from 'node:fs';

const over = Number(process.env.HOLDS_OVER_MS ?? 150);
const holds = [];
let last = process.hrtime.bigint();
setInterval(() => {
  const now = process.hrtime.bigint();
  const late = Number(now - last) / 1e6 - 10;
  if (late > over) holds.push([Number(last / 1000n), Number(now / 1000n), Math.round(late)]);
  last = now;
}, 10).unref();

process.on('exit', () => {
  if (process.env.HOLDS_OUT) writeFileSync(process.env.HOLDS_OUT, JSON.stringify(holds));
  const longest = holds
    .map((h) => h[2])
    .sort((a, b) => b - a)
    .slice(0, 5);
  process.stderr.write(`event-loop-holds: ${holds.length} over ${over} ms; longest ${longest.join(', ') || 'none'} ms\n`);
});
