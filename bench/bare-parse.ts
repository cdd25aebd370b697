/**
 * The floor for the benchmark: the intake's reading pipeline and nothing else. Streams FILE
 * from disk (256 KiB reads, as src/intake/read-inputs.ts), decodes it strictly as UTF-8 with
 * every line ending turned into LF (as src/intake/decode.ts), and parses it with csv-parse using
 * exactly the options of src/intake/read-export.ts, through the same Readable.from(…).pipe(parse)
 * and async iteration. No hashing, no mapping to records, no checks.
 *
 *   node --import tsx bench/bare-parse.ts FILE   → one line of JSON on stdout
 */
import { createReadStream, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { csvParseOptions } from '../src/intake/read-rows.ts';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: bare-parse.ts FILE\n');
  process.exit(2);
}

async function* decoded(path: string): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let pendingCr = false;
  for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 })) {
    let text = decoder.decode(chunk as Buffer, { stream: true });
    if (pendingCr) text = '\r' + text;
    pendingCr = text.endsWith('\r');
    if (pendingCr) text = text.slice(0, -1);
    if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
    if (text) yield text;
  }
  const tail = (pendingCr ? '\r' : '') + decoder.decode();
  if (tail) yield tail.replace(/\r\n?/g, '\n');
}

const started = process.hrtime.bigint();
const parser = Readable.from(decoded(file)).pipe(parse(csvParseOptions(',')));
let rows = 0;
let skipped = 0;
parser.on('skip', () => skipped++);
for await (const _ of parser) rows++;
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const bytes = statSync(file).size;
process.stdout.write(`${JSON.stringify({ records: rows - 1, skipped, bytes, seconds })}\n`);
