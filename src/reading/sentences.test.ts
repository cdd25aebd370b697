import { describe, expect, it } from 'vitest';
import { splitSentences } from './sentences.ts';

describe('splitSentences', () => {
  it('splits at sentence ends and line breaks, each line its own paragraph', () => {
    const s = splitSentences('Visit to Ms Lane. Seen with Amy.\nAmy was well.');
    expect(s.map((x) => [x.text, x.paragraph, x.heading])).toEqual([
      ['Visit to Ms Lane.', 0, undefined],
      ['Seen with Amy.', 0, undefined],
      ['Amy was well.', 1, undefined],
    ]);
  });

  it('keeps a list under a line ending with a colon in one paragraph with it, pointing at it, until a blank line', () => {
    const text =
      'Update for Kerry. Results of supervised urine screens:\n03/03/2025 - negative (full panel)\n10/03/2025 - negative (full panel)\n\nNext visit booked.';
    const s = splitSentences(text);
    expect(s.map((x) => [x.text, x.paragraph, x.heading])).toEqual([
      ['Update for Kerry.', 0, undefined],
      ['Results of supervised urine screens:', 0, undefined],
      ['03/03/2025 - negative (full panel)', 0, 1],
      ['10/03/2025 - negative (full panel)', 0, 1],
      ['Next visit booked.', 1, undefined],
    ]);
  });

  it("keeps a form's fields, one a line, in one paragraph; a line that is not a field starts the next", () => {
    const text = 'Donor: Lee Hart\nSample: hair strand, 3 cm\nResult: negative for cocaine\nLee was told today.\nNext visit booked.';
    expect(splitSentences(text).map((x) => [x.text, x.paragraph])).toEqual([
      ['Donor: Lee Hart', 0],
      ['Sample: hair strand, 3 cm', 0],
      ['Result: negative for cocaine', 0],
      ['Lee was told today.', 1],
      ['Next visit booked.', 2],
    ]);
  });
});
