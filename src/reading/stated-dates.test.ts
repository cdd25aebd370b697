import { describe, expect, it } from 'vitest';
import { statedDates } from './stated-dates.ts';

describe('stated dates', () => {
  it('reads numeric, worded and year-only dates, a month or year standing for its last day', () => {
    expect(statedDates('On 14/03/2023 the court made a supervision order.')).toEqual(['2023-03-14']);
    expect(statedDates('In March 2023 she was accommodated under section 20, and on 2nd May 2023 she went home.')).toEqual(['2023-03-31', '2023-05-02']);
    expect(statedDates('A caution was given in 2019.')).toEqual(['2019-12-31']);
    expect(statedDates('She was seen at 10.30 and again on 31/02/2024.')).toEqual([]);
    expect(statedDates('Positive for cocaine (sample taken 05/06/24).')).toEqual(['2024-06-05']);
  });

  it('reads a part of a year as the last day of that part', () => {
    expect(statedDates('An interim care order was made in early 2023.')).toEqual(['2023-04-30']);
    expect(statedDates('Contact was supervised until the end of 2022 and through summer 2023.')).toEqual(['2022-12-31', '2023-08-31']);
    expect(statedDates('She moved out in late 2021.')).toEqual(['2021-12-31']);
  });
});
