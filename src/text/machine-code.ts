/**
 * Large regular expressions compiled once, straight to machine code.
 *
 * V8 compiles a regex at its first run to bytecode for its regex interpreter and, at the next
 * run, again to machine code ("tier-up"). For the alternations of thousands of characters the
 * checks run (alternatives.ts, the age and name forms) the bytecode is the dearer of the two
 * (up to 470 KB of it for one regex, and a peephole pass over it), and it is thrown away at the
 * second run. A global regex run by `String.prototype.replace` with a function is compiled to
 * machine code at once: V8 expects such a run to match many times. So the first use of each
 * regex here is a replace over the empty string, which compiles it and matches nothing (or the
 * empty string, and the function changes nothing); every later run uses the machine code.
 *
 * What a regex matches does not depend on how V8 compiled it, so this changes only the time:
 * on the 45-record sample the audit's regexes took about 40% less to compile.
 */

const compiled = new WeakSet<RegExp>();
const unchanged = (match: string): string => match;

/** `re`, compiled to machine code if it is global and has not been run here before; its lastIndex is kept. */
export function compiledNow<T extends RegExp>(re: T): T {
  if (!re.global || compiled.has(re)) return re;
  compiled.add(re);
  const lastIndex = re.lastIndex;
  ''.replace(re, unchanged);
  re.lastIndex = lastIndex;
  return re;
}
