/**
 * Writes a generated export and its ground truth to disk as they are generated, in chunks of
 * about 1 MiB, waiting for the stream to drain (so memory stays flat whatever the size). Both
 * files are written under a `.partial` name and renamed when complete, so a file that exists is
 * whole.
 */
import { createWriteStream, renameSync, statSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { ExportGenerator, type GeneratorOptions } from './generate.ts';

export interface WriteResult {
  file: string;
  truthFile: string;
  records: number;
  cases: number;
  bytes: number;
  words: number;
  defects: Record<string, number>;
  seconds: number;
}

export const truthPath = (file: string) => `${file}.truth.ndjson`;

export async function writeExport(file: string, options: GeneratorOptions, onProgress?: (records: number) => void): Promise<WriteResult> {
  const started = process.hrtime.bigint();
  const gen = new ExportGenerator(options);
  const truthFile = truthPath(file);
  const out = new Chunked(createWriteStream(`${file}.partial`));
  const truth = new Chunked(createWriteStream(`${truthFile}.partial`));
  await out.write(gen.header);
  let n = 0;
  for (const row of gen.rows()) {
    await out.write(row.csv);
    for (const t of row.truth) await truth.write(`${JSON.stringify(t)}\n`);
    if (onProgress && ++n % 10_000 === 0) onProgress(n);
  }
  await out.end();
  await truth.end();
  renameSync(`${file}.partial`, file);
  renameSync(`${truthFile}.partial`, truthFile);
  return {
    file,
    truthFile,
    records: gen.stats.records,
    cases: gen.stats.cases,
    bytes: statSync(file).size,
    words: gen.stats.words,
    defects: Object.fromEntries(Object.entries(gen.stats.defects).sort(([a], [b]) => a.localeCompare(b))),
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
  };
}

class Chunked {
  private buffer = '';
  constructor(private readonly stream: WriteStream) {}

  async write(s: string): Promise<void> {
    this.buffer += s;
    if (this.buffer.length >= 1 << 20) await this.flush();
  }

  private async flush(): Promise<void> {
    const chunk = this.buffer;
    this.buffer = '';
    if (!this.stream.write(chunk, 'utf8')) await once(this.stream, 'drain');
  }

  async end(): Promise<void> {
    if (this.buffer) await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
  }
}
