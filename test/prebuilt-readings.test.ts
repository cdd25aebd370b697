import { describe, expect, it } from 'vitest';
import { prebuildReadings } from '../src/core/prebuilt-readings.ts';
import { keptReading, parseLiterals, sourceKey, sourcesReadSoFar } from '../src/text/required-literals.ts';

describe('literal readings prebuilt by the build (dist/text/prebuilt-literals.json)', () => {
  // As the build writes them and a run reads them back.
  const kept = JSON.parse(JSON.stringify(prebuildReadings()));
  const sources = sourcesReadSoFar();

  it('keep every regex the default checks read when they are created and first run', () => {
    expect(sources.length).toBeGreaterThan(100);
    for (const source of sources) expect(Object.hasOwn(kept, sourceKey(source))).toBe(true);
  });

  it('give, for each source, exactly what reading it gives', () => {
    for (const source of sources) expect(keptReading(source, kept)).toEqual(parseLiterals(source));
  });

  it('are used only for the same text: a source changed by one character is read afresh', () => {
    const longest = sources.reduce((a, b) => (b.length > a.length ? b : a));
    expect(keptReading(longest.replace('|', '|x|'), kept)).toBeUndefined();
    expect(keptReading(`${longest} `, kept)).toBeUndefined();
  });
});
