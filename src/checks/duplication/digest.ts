/**
 * What the duplication check needs of a record as it is read, worked out from that record
 * alone: its winnowed fingerprints (tokens.ts, fingerprints.ts), or null when it has fewer
 * masked words than the shortest passage any rule flags. With worker threads the case workers
 * work it out (RuleKind.digest) and the main thread keeps only the fingerprints; without them
 * the check's record() does the same steps itself.
 */
import type { Digest } from '../rule-kind.ts';
import { withoutHeadings } from '../../model/segments.ts';
import { smallest } from '../../model/lists.ts';
import { fingerprints } from './fingerprints.ts';
import { DEFAULTS, type DuplicationRule } from './rule.ts';
import { maskedIds } from './tokens.ts';

/** The fewest masked words a record must have to be indexed: the smallest `min_words` of the rules. */
export function minWordsOf(rules: DuplicationRule[]): number {
  return smallest(rules.map((r) => r.min_words ?? DEFAULTS.min_words));
}

/** The digest of a record: its fingerprints, in an array the next call may reuse, or null when it is too short to index. */
export function duplicationDigest(rules: DuplicationRule[]): Digest {
  const minWords = minWordsOf(rules);
  return (record) => {
    // A form's question headings are its design's template, shared by every form: not copied text.
    const ids = maskedIds(withoutHeadings(record), record.subject_name);
    return ids.length < minWords ? null : fingerprints(ids);
  };
}
