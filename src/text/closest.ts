import JaroWinklerDistance from 'natural/lib/natural/distance/jaro-winkler_distance.js';

/**
 * The candidate that looks most like any of the targets (Jaro–Winkler similarity over
 * normalised names), or undefined when nothing is reasonably close.
 */
export function closest(candidates: string[], targets: string[], normalise: (s: string) => string = (s) => s.toLowerCase()): string | undefined {
  let best: string | undefined;
  let bestScore = 0.7;
  for (const candidate of candidates) {
    for (const target of targets) {
      const score = JaroWinklerDistance(normalise(candidate), normalise(target), {});
      if (score > bestScore) {
        bestScore = score;
        best = candidate;
      }
    }
  }
  return best;
}

/** The option most like a value that is not one of them (a misspelt key, kind or rule id). */
export function nearest(value: string, options: string[]): string | undefined {
  return closest(options, [value], (s) => s.toLowerCase());
}
