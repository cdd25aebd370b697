/** Number words from one to twenty, in order: the word at index i stands for i + 1. */
export const NUMBER_WORDS_TO_TWENTY: readonly string[] =
  'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty'.split(' ');
