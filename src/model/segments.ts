import type { CanonicalRecord, TextSegment } from './record.ts';

/** Where in an assembled record an offset falls: the question and the export line of its answer. */
export interface SegmentLocation {
  question: string;
  line: number;
}

/** The segment holding `offset` (a flag's span start), or null for one-row records and gaps between answers. */
export function segmentAt(record: Pick<CanonicalRecord, 'segments'>, offset: number): TextSegment | null {
  const segments = record.segments;
  if (!segments?.length) return null;
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segments[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  const s = segments[lo];
  return offset >= s.start && offset < s.end ? s : null;
}

/** `{ question, line }` for a span that starts at `offset`, or null. */
export function locate(record: Pick<CanonicalRecord, 'segments'>, offset: number): SegmentLocation | null {
  const s = segmentAt(record, offset);
  return s ? { question: s.label, line: s.line } : null;
}

/**
 * The heading part of each segment (the question and its line break), which is the form's
 * template rather than anything a worker wrote: a check looking for copied text can skip it.
 */
export function headingRanges(record: Pick<CanonicalRecord, 'text' | 'segments'>): { start: number; end: number }[] {
  return (record.segments ?? []).map((s) => {
    const nl = record.text.indexOf('\n', s.start);
    return { start: s.start, end: nl === -1 || nl >= s.end ? s.end : nl + 1 };
  });
}

/**
 * The record's text with each question heading blanked out (spaces, line breaks kept), so
 * offsets still match `text`: what a check for copied text should read of a form, since every
 * form of one design shares its headings. The text itself for a record without segments.
 */
export function withoutHeadings(record: Pick<CanonicalRecord, 'text' | 'segments'>): string {
  if (!record.segments?.length) return record.text;
  let out = '';
  let at = 0;
  for (const h of headingRanges(record)) {
    out += record.text.slice(at, h.start) + record.text.slice(h.start, h.end).replace(/[^\n]/g, ' ');
    at = h.end;
  }
  return out + record.text.slice(at);
}
