import type { Sentence } from './sentences.ts';

/** Where a clause starts: after a colon, semicolon, dash, bracket, opening quote or a subordinating conjunction (not "and", which also joins names: "Mr and Mrs Obi"). */
const OPENERS = /.*(?:[:;–—(“"]|\s(?:as|because|since|but|although|though|while|whilst|when|if|that)\s)\s*/su;
/** Where it ends: punctuation, a closing bracket or quote, or a conjunction that starts another clause. */
const CLOSER = /[,;:)”"]|\.(?:\s|$)|\s(?:and|but|although|though|whereas|while|whilst|because|so|which|who|when|where|if|as|since|until|after|before|then)\s/u;
const MAX_LEAD = 60;
const MAX_CLAUSE = 160;

/**
 * The clause of a sentence that holds a match (offsets in the record): from the start of the
 * clause, so that a quotation says who the claim is about ("Mother has not engaged with a
 * parenting course"), to its end ("…a conviction for ABH", not "…for"). Falls back to the match
 * when the clause is long.
 */
export function clauseAround(sentence: Sentence, start: number, end: number): { start: number; end: number } {
  const lead = sentence.text.slice(0, start - sentence.start);
  const opener = OPENERS.exec(lead);
  let from = sentence.start + (opener ? opener[0].length : 0);
  // (Not a list's bullet or a quotation's opening mark: "- Ms Rourke must…", "'Mr Crane has…".)
  while (from < start && /[-•*‘'\s]/.test(sentence.text[from - sentence.start])) from++;
  if (start - from > MAX_LEAD) from = start;
  const rest = sentence.text.slice(end - sentence.start);
  const closer = CLOSER.exec(rest);
  let to = end + (closer ? closer.index : rest.length);
  while (to > end && /[\s.]/.test(sentence.text[to - 1 - sentence.start])) to--;
  if (to - from > MAX_CLAUSE) return { start, end };
  return { start: from, end: to };
}
