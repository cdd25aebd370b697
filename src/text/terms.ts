/** Regular-expression source for a literal term: any run of white space matches any other, hyphens are optional. */
export function termPattern(term: string): string {
  return term
    .trim()
    .split(/\s+/)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\?-/g, '[-\\s]?'))
    .join('\\s+');
}

/** A global, case-insensitive regex that matches `source` only as whole words. */
export function wholeWord(source: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${source})(?![\\p{L}\\p{N}_])`, 'giu');
}
