import type { Report } from '../build-report.ts';
import { PIECE_CHARS } from './pieces.ts';

/** One flag per line, for streaming into other tools. */
export function formatNdjson(report: Report): string {
  return [...ndjsonChunks(report)].join('');
}

/** formatNdjson's text in pieces of about PIECE_CHARS characters (a report too long for one string can still be written). */
export function* ndjsonChunks(report: Report): Generator<string, void, void> {
  let piece = '';
  for (const f of report.flags) {
    piece += `${JSON.stringify(f)}\n`;
    if (piece.length >= PIECE_CHARS) {
      yield piece;
      piece = '';
    }
  }
  if (piece) yield piece;
}
