/** A passage found in one candidate pair, and how rival findings for one passage are settled. */
import type { CanonicalRecord } from '../../model/record.ts';
import type { Passage } from './align.ts';
import type { IdentityEvidence, Subject } from './identity.ts';
import type { FindingKind, Scope } from './message.ts';
import type { DuplicationRule } from './rule.ts';
import type { Tokens } from './tokens.ts';

/** A record made ready for verification. */
export interface Prepared {
  record: CanonicalRecord;
  tokens: Tokens;
  shingles: Uint32Array;
  subject: Subject;
}

export interface Finding {
  rule: DuplicationRule;
  passage: Passage;
  kind: FindingKind;
  scope: Scope;
  source: Prepared;
  sourceRank: number;
  /** Words of the target passage found as written in the source passage. */
  sameWords: number;
  evidence: IdentityEvidence | null;
}

const KIND_RANK: Record<FindingKind, number> = { copy_forward: 0, cross_case: 1, identity_mismatch: 2 };

/**
 * One finding per stretch of the target. Findings whose spans overlap by half are rivals for
 * one passage; the winner is, among the rivals from this child's own case or family that match
 * nearly as well as the best (90% of its quality), else among all: the most serious kind, then
 * the best match (masked, then word for word), then the most recent source. So a passage
 * repeated within a case is put down to the case's own earlier record even when another
 * family's record has the same words, and a copy is put down to the record it describes.
 */
export function resolve(findings: Finding[]): Finding[] {
  const byQuality = [...findings].sort((a, b) => b.passage.quality - a.passage.quality || compareFindings(a, b));
  const taken = new Set<Finding>();
  const kept: Finding[] = [];
  for (const seed of byQuality) {
    if (taken.has(seed)) continue;
    const rivals = byQuality.filter((f) => !taken.has(f) && overlaps(seed, f));
    rivals.forEach((f) => taken.add(f));
    const own = rivals.filter((f) => f.scope !== 'other_case' && f.passage.quality >= 0.9 * seed.passage.quality);
    const winner = (own.length ? own : rivals).sort(compareFindings)[0];
    if (!kept.some((k) => overlaps(k, winner))) kept.push(winner);
  }
  return kept.sort((a, b) => a.passage.tStart - b.passage.tStart);
}

function compareFindings(a: Finding, b: Finding): number {
  return (
    KIND_RANK[b.kind] - KIND_RANK[a.kind] ||
    b.passage.quality - a.passage.quality ||
    b.sameWords - a.sameWords ||
    b.sourceRank - a.sourceRank ||
    a.passage.tStart - b.passage.tStart
  );
}

/** Two findings overlap by at least half of the shorter. */
function overlaps(a: Finding, b: Finding): boolean {
  const overlap = Math.min(a.passage.tEnd, b.passage.tEnd) - Math.max(a.passage.tStart, b.passage.tStart);
  return overlap * 2 >= Math.min(a.passage.tEnd - a.passage.tStart, b.passage.tEnd - b.passage.tStart);
}
