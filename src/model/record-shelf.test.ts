import { describe, expect, it } from 'vitest';
import { RecordShelf } from './record-shelf.ts';
import type { CanonicalRecord } from './record.ts';

const record = (i: number): CanonicalRecord => ({
  record_id: `R-${i}`,
  case_id: `C-${i % 7}`,
  subject_id: i % 3 ? `S-${i}` : null,
  subject_name: 'Zoë O’Neill',
  subject_dob: null,
  subject_gender: 'female',
  record_date: '2024-03-01',
  recorded_at: i % 2 ? '2024-03-01T09:30' : null,
  author: null,
  team: 'North',
  record_type: 'Home visit',
  text: `Visit ${i}.\nZoë said “fine” \u2028 ${'and more words '.repeat(i % 50)}\ud800`,
  source: { path: 'export.csv', line: i + 2, record: i + 1 },
  ...(i % 5 === 0 && { segments: [{ start: 0, end: 5, label: 'Q1', line: i + 2 }], markup: ['html' as const] }),
});

describe('record shelf', () => {
  it('gives back each record as it was put, whether zlib has given its batch back or not', async () => {
    const shelf = new RecordShelf();
    const records = Array.from({ length: 3000 }, (_, i) => record(i));
    const numbers = records.map((r) => shelf.put(r));
    expect(shelf.put(records[2999])).toBe(numbers[2999]);
    expect(records.every((r, i) => JSON.stringify(shelf.get(numbers[i])) === JSON.stringify(r))).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 0));
    shelf.clearCache();
    for (const i of [2999, 0, 1500, 17]) expect(shelf.get(numbers[i])).toEqual(records[i]);
    expect(shelf.get(numbers[17])).toBe(shelf.get(numbers[17]));
  });
});

describe('record shelf with places', () => {
  it('keeps a record with a place by its place and reads it again from there; one without, deflated', () => {
    const records = Array.from({ length: 300 }, (_, i) => record(i));
    const reads: number[] = [];
    const shelf = new RecordShelf({
      read: (place) => {
        reads.push(place.record);
        return records[place.record - 1];
      },
    });
    const place = (r: CanonicalRecord) => ({ input: 0, offset: r.source.line * 100, bytes: 100, line: r.source.line, record: r.source.record });
    const numbers = records.map((r, i) => shelf.put(r, i % 4 ? place(r) : undefined));
    expect(shelf.keptRows).toBe(75);
    for (const i of [299, 0, 150, 17, 4]) expect(shelf.get(numbers[i])).toEqual(records[i]);
    // Read from the file only for those with a place, and once while read back and kept.
    expect(reads).toEqual([300, 151, 18]);
    shelf.get(numbers[299]);
    expect(reads).toEqual([300, 151, 18]);
  });
});
