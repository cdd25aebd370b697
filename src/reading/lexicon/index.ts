import { COMMON_NOUNS } from './common-nouns.ts';
import { VERB_FORMS } from './verb-forms.ts';

let commonNouns: Set<string> | null = null;

/** A common English noun (lower case, from the tagger lexicon), whose capitalised form is not only a name. */
export function isCommonNoun(word: string): boolean {
  commonNouns ??= new Set(COMMON_NOUNS.flatMap((line) => line.split(' ')));
  return commonNouns.has(word);
}

let verbForms: Set<string> | null = null;

/** A past or third-person verb form (lower case, from the tagger lexicon) that is never a name: "advised", "confirms". */
export function isVerbForm(word: string): boolean {
  verbForms ??= new Set(VERB_FORMS.flatMap((line) => line.split(' ')));
  return verbForms.has(word);
}
