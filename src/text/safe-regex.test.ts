import { describe, expect, it } from 'vitest';
import { unsafePatternReason } from './safe-regex.ts';

const POLYNOMIAL =
  'two unbounded repetitions can take the same text in turn (like .*x.*), which takes polynomial time on a long note; bound them (.{0,40}) or let only one of them take the text between';
const NESTED = 'a repeated group contains another repetition (like (a+)+), which can take exponential time';

describe('patterns that could stall an audit are refused', () => {
  it.each([
    ['parent.*not.*engag.*course', POLYNOMIAL],
    ['.*.*.*.*.*.*.*.*=', POLYNOMIAL],
    ['[^.]*refused[^.]*', POLYNOMIAL],
    ['(?:failed.*)to attend.*', POLYNOMIAL],
    ['x.*?y.*?z', POLYNOMIAL],
    ['\\w+\\w+', POLYNOMIAL],
    ['(a+)+b', NESTED],
    ['(\\w+\\s?)+$', NESTED],
    ['(a|ab)*c', 'a repeated group has alternatives that can match the same text (like (a|ab)*), which can take exponential time'],
    ['(\\w)\\1', 'back-references can take exponential time'],
  ])('%s', (pattern, reason) => {
    expect(unsafePatternReason(pattern)).toBe(reason);
  });

  it.each([
    '\\b(?:aggressive|violent)\\b',
    'X{3,}',
    '\\[(?:insert|add|enter)[^\\]]{0,40}\\]',
    '(?:not|never) (?:\\w+ )?(?:engaged|attended)',
    'parent.{0,40}not.{0,40}course',
    '\\w+\\s+\\w+',
    '\\d+/\\d+/\\d+',
    'a\\s*,\\s*b',
    '(?:[\\w-]+ )?(?:[\\w-]+ )?(?:tenancy|flat)',
    '(?<=,) and',
    '[^.]*\\.',
  ])('%s is accepted', (pattern) => {
    expect(unsafePatternReason(pattern)).toBeNull();
  });
});
