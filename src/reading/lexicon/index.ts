import { COMMON_NOUNS } from './common-nouns.ts';

let commonNouns: Set<string> | null = null;

/** A common English noun (lower case, from the tagger lexicon), whose capitalised form is not only a name. */
export function isCommonNoun(word: string): boolean {
  commonNouns ??= new Set(COMMON_NOUNS.flatMap((line) => line.split(' ')));
  return commonNouns.has(word);
}
