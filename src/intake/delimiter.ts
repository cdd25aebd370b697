export const DELIMITERS = [',', ';', '\t', '|'] as const;

/** Picks the delimiter that occurs most often outside quotes in the header line. */
export function detectDelimiter(headerLine: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  let bestCount = 0;
  for (const [d, n] of counts) {
    if (n > bestCount) [best, bestCount] = [d, n];
  }
  return best;
}

/** Accepts `,` `;` `|` `tab` `\t` for --delimiter. */
export function parseDelimiterOption(value: string): string {
  if (value === 'tab' || value === '\\t') return '\t';
  if (value.length !== 1) throw new Error(`--delimiter takes one character or 'tab', not '${value}'`);
  return value;
}

export function describeDelimiter(d: string): string {
  return d === '\t' ? 'tab' : d;
}
