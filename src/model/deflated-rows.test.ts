import { describe, expect, it } from 'vitest';
import { DeflatedRows } from './deflated-rows.ts';

const rows = Array.from({ length: 4000 }, (_, i) =>
  JSON.stringify([`R-${i}`, `Home visit ${i}: Zoë said “fine” ${'and more words '.repeat(i % 40)}`, i % 7 ? null : { line: i }]),
);

describe('deflated rows', () => {
  it('gives back every row, in any order, from the dictionary, a deflated batch or the batch being filled', async () => {
    const store = new DeflatedRows();
    rows.forEach((r, i) => expect(store.add(r)).toBe(i));
    // Before zlib has given any batch back, and after.
    expect(rows.every((r, i) => store.get(i) === r)).toBe(true);
    await store.settled();
    expect(rows.every((r, i) => store.get(i) === r)).toBe(true);
    store.clearCache();
    for (const i of [3999, 0, 2500, 17, 3998, 3]) expect(store.get(i)).toBe(rows[i]);
    expect(store.deflatedBytes).toBeGreaterThan(0);
    expect(store.deflatedBytes).toBeLessThan(rows.join('\n').length / 3);
  });

  it('deflates a batch where it is when too many wait for the thread, and gives back every row either way', async () => {
    const store = new DeflatedRows();
    const long = Array.from({ length: 7000 }, (_, i) => JSON.stringify([`R-${i}`, `${i} `.repeat(300)]));
    long.forEach((r) => store.add(r));
    expect(long.every((r, i) => store.get(i) === r)).toBe(true);
    await store.settled();
    store.clearCache();
    expect(long.every((r, i) => store.get(i) === r)).toBe(true);
  });

  it('keeps a short export as it is', async () => {
    const store = new DeflatedRows();
    rows.slice(0, 20).forEach((r) => store.add(r));
    await store.settled();
    expect(store.deflatedBytes).toBe(0);
    expect(rows.slice(0, 20).every((r, i) => store.get(i) === r)).toBe(true);
  });
});
