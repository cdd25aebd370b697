/** Regular-expression source for a literal term: words may be split by any white space or a hyphen, and a hyphen inside a word is optional. */
export function termPattern(term: string): string {
  return term
    .trim()
    .split(/\s+/)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\?-/g, '[-\\s]?'))
    .join('(?:\\s*-\\s*|\\s+)');
}

/** A global, case-insensitive regex that matches `source` only as whole words. */
export function wholeWord(source: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${source})(?![\\p{L}\\p{N}_])`, 'giu');
}

/** Whether a (possibly global) regex matches, leaving it ready for the next use. */
export function matches(re: RegExp | null, text: string): boolean {
  if (!re) return false;
  re.lastIndex = 0;
  const found = re.test(text);
  re.lastIndex = 0;
  return found;
}
