import type { Report } from '../build-report.ts';
import { jsonPieces } from '../../model/json-pieces.ts';

export { PIECE_CHARS } from '../../model/json-pieces.ts';

export function formatJson(report: Report): string {
  return JSON.stringify(report, null, 2) + '\n';
}

/** formatJson's text in pieces of about PIECE_CHARS characters, byte for byte (model/json-pieces.ts). */
export function jsonChunks(report: Report): Generator<string, void, void> {
  return jsonPieces(report);
}
