import { describe, expect, it } from 'vitest';
import { setImmediate as turn } from 'node:timers/promises';
import { DeflatedRows } from './batches.ts';

const rows = Array.from({ length: 4000 }, (_, i) => JSON.stringify([`R-${i}`, `Home visit ${i}: Zoë said “fine” ${'and more words '.repeat(i % 40)}`, i % 7 ? null : { line: i }]));

describe('deflated rows', () => {
  it('gives back every row, whether its batch is deflated at once, on the thread pool, or not yet', async () => {
    const store = new DeflatedRows();
    // Filled without a turn of the event loop: the first batches go to the thread pool, the rest are deflated at once.
    rows.forEach((r, i) => expect(store.add(r)).toBe(i));
    expect(store.deflating).toBeGreaterThan(0);
    expect(store.deflatedBytes).toBeGreaterThan(0);
    expect(rows.every((r, i) => store.get(i) === r)).toBe(true);
    while (store.deflating) await turn();
    store.clearCache();
    expect(rows.every((r, i) => store.get(i) === r)).toBe(true);
    expect(store.deflatedBytes).toBeLessThan(rows.join('\n').length / 3);
  });

  it('reads rows in any order, and those of a batch still being filled', () => {
    const store = new DeflatedRows();
    rows.slice(0, 500).forEach((r) => store.add(r));
    for (const i of [499, 0, 250, 17, 498, 3]) expect(store.get(i)).toBe(rows[i]);
  });
});
