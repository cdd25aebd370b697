import { describe, expect, it } from 'vitest';
import { inPieces, PIECE_CHARS } from './pieces.ts';

describe('report pieces', () => {
  it('starts a new piece before a part that would take one past PIECE_CHARS, and keeps every character and step', () => {
    const big = 'a'.repeat(PIECE_CHARS - 100);
    const quote = 'q'.repeat(8_000);
    const parts = [big, quote, '', 'b'.repeat(50), 'c'.repeat(PIECE_CHARS + 10)];
    const pieces = [...inPieces(parts)];
    expect(pieces.map((p) => p.length)).toEqual([PIECE_CHARS - 100, 0, 8_050, PIECE_CHARS + 10]);
    expect(pieces.join('')).toBe(parts.join(''));
  });

  it('gathers small parts into pieces of at most PIECE_CHARS', () => {
    const parts = Array.from({ length: 1_000 }, (_, i) => `${i}`.padStart(300, '-'));
    const pieces = [...inPieces(parts)];
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThanOrEqual(PIECE_CHARS);
    expect(pieces.length).toBe(Math.ceil((1_000 * 300) / (Math.floor(PIECE_CHARS / 300) * 300)));
    expect(pieces.join('')).toBe(parts.join(''));
  });
});
