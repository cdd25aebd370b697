import { describe, expect, it } from 'vitest';
import { SpecFinder, patternSpecProblems } from './pattern-set.ts';

describe('pattern sets: problems a rule author is told about', () => {
  it('refuses a pattern whose words end in a space before a lookahead, which could never match before a letter', () => {
    expect(patternSpecProblems({ patterns: ['explained by (?!her mother)'] }, 'event')).toEqual([
      {
        key: 'event/patterns/0',
        message: 'pattern ends in a space: matched as whole words, it can only match before punctuation (put the space inside the lookahead)',
      },
    ]);
    // The same pattern with the space inside the lookahead is fine, and matches before a word.
    expect(patternSpecProblems({ patterns: ['explained by(?! her mother)'] }, 'event')).toEqual([]);
    expect(new SpecFinder({ patterns: ['explained by(?! her mother)'] }).find('the bruises are explained by eczema').map((m) => m.text)).toEqual([
      'explained by',
    ]);
    expect(new SpecFinder({ patterns: ['explained by(?! her mother)'] }).find('the bruises are explained by her mother')).toEqual([]);
  });
});
