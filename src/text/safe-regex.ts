/**
 * Rule packs are written by people, and a pattern such as `(a+)+` can take exponential time on
 * a long note. A pattern is refused when a repeated group contains another repetition (star
 * height above one), when a repeated group has alternatives where one can match the start of
 * another (like `(a|ab)*`), or when it uses back-references. Returns the reason, or null.
 */
export function unsafePatternReason(source: string): string | null {
  if (/\\[1-9]|\\k</.test(source)) return 'back-references can take exponential time';
  const stack: { start: number; quantified: boolean }[] = [{ start: 0, quantified: false }];
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      continue;
    }
    if (ch === '[') inClass = true;
    else if (ch === '(') stack.push({ start: i + 1, quantified: false });
    else if (ch === ')') {
      const group = stack.pop()!;
      if (!stack.length) return 'unbalanced parentheses';
      const repeated = /^(?:[*+]|\{\d*,)/.test(source.slice(i + 1));
      if (repeated && group.quantified) return 'a repeated group contains another repetition (like (a+)+), which can take exponential time';
      if (repeated && alternativesOverlap(source.slice(group.start, i))) {
        return 'a repeated group has alternatives that can match the same text (like (a|ab)*), which can take exponential time';
      }
      if (group.quantified || repeated) stack[stack.length - 1].quantified = true;
    } else if (ch === '*' || ch === '+' || ch === '{') {
      stack[stack.length - 1].quantified = true;
    }
  }
  if (stack.length !== 1) return 'unbalanced parentheses';
  return null;
}

/** True when one top-level alternative is empty, starts with a wildcard, or is a prefix of another. */
function alternativesOverlap(group: string): boolean {
  const body = group.replace(/^\?(?::|=|!|<=|<!|<[A-Za-z]\w*>)/, '');
  const alts: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '\\') {
      current += ch + (body[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === '|' && depth === 0) {
      alts.push(current);
      current = '';
    } else current += ch;
  }
  alts.push(current);
  if (alts.length < 2) return false;
  return alts.some((a, i) => a === '' || a.startsWith('.') || a.startsWith('\\') || alts.some((b, j) => i !== j && b.startsWith(a)));
}
