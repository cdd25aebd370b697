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

describe('pattern sets: topic-and-state pairs', () => {
  const spec = {
    topic: ['tenancy'],
    state: ['signed'],
    within: 4,
    pairs: [{ topic: ['notice to quit', 'eviction'], state: ['withdrawn', 'cancelled'], within: 5 }],
  };

  it('finds each pair in its own words and reach, in either order, within one clause', () => {
    const finder = new SpecFinder(spec);
    expect(finder.find('She signed a two-year tenancy. The notice to quit dated 02/10 is now withdrawn.').map((m) => [m.text, m.paired])).toEqual([
      ['signed a two-year tenancy', true],
      ['notice to quit dated 02/10 is now withdrawn', true],
    ]);
    // Another pair's state does not complete a topic, and a comma ends the clause.
    expect(finder.find('The tenancy was withdrawn. The eviction, he said, was cancelled.')).toEqual([]);
  });

  it('gates on any pair, and reports an unknown word list inside a pair by its place', () => {
    expect(new SpecFinder(spec).gateSource).toContain('quit');
    expect(patternSpecProblems({ pairs: [{ topic: ['{home}'], state: ['lost'] }] }, 'claims')).toEqual([
      { key: 'claims/pairs/0/topic/0', message: "{home} is not one of the rule's word lists (none)" },
    ]);
  });
});
