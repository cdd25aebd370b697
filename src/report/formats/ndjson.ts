import type { Report } from '../build-report.ts';

/** One flag per line, for streaming into other tools. */
export function formatNdjson(report: Report): string {
  return [...ndjsonChunks(report)].join('');
}

/** Flags rendered between two chunks of ndjsonChunks. */
const FLAGS_A_CHUNK = 256;

/** formatNdjson's text in pieces (a report too long for one string can still be written). */
export function* ndjsonChunks(report: Report): Generator<string, void, void> {
  for (let i = 0; i < report.flags.length; i += FLAGS_A_CHUNK) {
    yield report.flags
      .slice(i, i + FLAGS_A_CHUNK)
      .map((f) => `${JSON.stringify(f)}\n`)
      .join('');
  }
}
