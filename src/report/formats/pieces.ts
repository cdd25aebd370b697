/**
 * Reports in pieces. A format whose size grows with the flags renders as a generator of pieces
 * of text, the same text as its whole-string form joined: a report can then be longer than the
 * longest string JavaScript can hold (about 512 M characters), and the main thread is free
 * between two pieces, so a signal is handled while a large report is written (cli/write-output.ts).
 * An empty piece is a step with nothing to write: a place where the writer may take a break
 * (model/steps.ts) after work that wrote nothing, such as counting every flag.
 */

import { PIECE_CHARS } from '../../model/json-pieces.ts';

export { PIECE_CHARS };

/**
 * Parts gathered into pieces of about PIECE_CHARS; an empty part is passed on as a step. A
 * part that would take a piece past PIECE_CHARS starts the next one, so no piece is longer
 * than PIECE_CHARS or its longest part (a case whose flags carry long quotes is several parts).
 */
export function* inPieces(parts: Iterable<string>): Generator<string, void, void> {
  let piece = '';
  for (const part of parts) {
    if (!part) {
      yield '';
      continue;
    }
    if (piece && piece.length + part.length > PIECE_CHARS) {
      yield piece;
      piece = '';
    }
    piece += part;
    if (piece.length >= PIECE_CHARS) {
      yield piece;
      piece = '';
    }
  }
  if (piece) yield piece;
}

/** Every item of `items` rendered by `each`, joined by `separator`, as parts. */
export function* joined<T>(items: Iterable<T>, each: (item: T, i: number) => string | Iterable<string>, separator = '\n'): Generator<string, void, void> {
  let i = 0;
  for (const item of items) {
    if (i) yield separator;
    const out = each(item, i++);
    if (typeof out === 'string') yield out;
    else yield* out;
  }
}
