import { createReadStream, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readExport, type InputSource, type IntakeItem, type IntakeOptions } from './read-export.ts';
import type { InputSummary, IntakeWarning } from '../model/record.ts';
import { UserError } from '../model/errors.ts';

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

const EXPORT_EXTENSIONS = /\.(csv|tsv|txt)$/i;

/** Turns the paths given on the command line into input sources: files, folders (their exports, sorted) and `-`. */
export function resolveInputs(paths: string[], stdin: () => AsyncIterable<Uint8Array> = () => process.stdin): InputSource[] {
  const sources: InputSource[] = [];
  for (const path of paths) {
    if (path === '-') {
      sources.push({ path: '-', open: stdin });
      continue;
    }
    let stat;
    try {
      stat = statSync(path);
    } catch {
      throw new UserError(`${path}: no such file or folder`);
    }
    if (stat.isDirectory()) {
      const files = readdirSync(path)
        .filter((f) => EXPORT_EXTENSIONS.test(f))
        .sort();
      if (!files.length) throw new UserError(`${path}: the folder holds no .csv, .tsv or .txt export`);
      for (const f of files) sources.push(fileSource(join(path, f), isFile(join(path, f))));
    } else {
      sources.push(fileSource(path, stat.isFile()));
    }
  }
  return sources;
}

function fileSource(path: string, regular: boolean): InputSource {
  // A named pipe or a device (`<(…)`, /dev/stdin) is read once, like standard input.
  return { path, open: () => createReadStream(path, { highWaterMark: 256 * 1024 }), ...(regular && { file: path }) };
}

/**
 * Reads every input in turn. A record_id seen before (in this or an earlier file) is rejected,
 * naming where it was first seen: every row of it, for a record assembled from a form's rows.
 * `rows_audited` counts rows, so rows_read = rows_audited + rows_rejected for every input.
 */
export async function* readInputs(
  sources: InputSource[],
  options: IntakeOptions,
  summaries: InputSummary[],
  warnings: IntakeWarning[],
): AsyncGenerator<IntakeItem> {
  const seen = new Map<string, string>();
  for (const source of sources) {
    const summary: InputSummary = {
      path: source.path,
      sha256: '',
      profile: '',
      encoding: '',
      delimiter: '',
      rows_read: 0,
      rows_audited: 0,
      rows_rejected: 0,
      rows_outside_sample: 0,
    };
    summaries.push(summary);
    for await (const item of readExport(source, options, summary, warnings)) {
      if (item.record) {
        const { record_id, source: at } = item.record;
        const first = seen.get(record_id);
        if (first !== undefined) {
          const reason = `duplicate record_id '${record_id}' (first seen at ${first})`;
          for (const row of at.rows ?? [at]) {
            summary.rows_rejected++;
            yield { rejected: { path: at.path, line: row.line, record: row.record, reason } };
          }
          continue;
        }
        seen.set(record_id, `${at.path}:${at.line}`);
        summary.rows_audited += at.rows?.length ?? 1;
      }
      yield item;
    }
  }
}
