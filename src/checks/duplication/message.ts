/** The words of a duplication finding: what was copied from where, and whose details it carries. */
import type { CanonicalRecord } from '../../model/record.ts';
import { formatUkDate } from '../../intake/dates.ts';
import type { IdentityEvidence, Subject } from './identity.ts';

export const FINDING_KINDS = ['copy_forward', 'cross_case', 'identity_mismatch'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/**
 * Where the source sits: this case; another case that is this child's family (its passage
 * already names this child, as a note filed on each child of a family does when an export has
 * no family id and each child is a case); or another family's case.
 */
export type Scope = 'same_case' | 'same_family' | 'other_case';

/** How closely the passage follows its source, in words. */
export type Closeness = 'verbatim' | 'details-changed' | 'edited';

export interface Described {
  kind: FindingKind;
  scope: Scope;
  words: number;
  similarity: number;
  closeness: Closeness;
  target: CanonicalRecord;
  source: CanonicalRecord;
  own: Subject;
  other: Subject;
  evidence: IdentityEvidence | null;
}

const HOW: Record<Closeness, string> = {
  verbatim: 'word for word',
  'details-changed': 'with only names, dates, numbers or pronouns changed',
  edited: 'with small changes',
};

/** The factual sentence that opens the flag's message (the rule's advice follows it). */
export function describeFinding(d: Described): string {
  const where = {
    same_case: 'in this case',
    same_family: `in case ${d.source.case_id}, which also names ${d.own.firstWritten}`,
    other_case: `in another case (${d.source.case_id})`,
  }[d.scope];
  const from = `record ${d.source.record_id} of ${formatUkDate(d.source.record_date)} ${where}`;
  const sim = `similarity ${d.similarity.toFixed(2)}`;
  if (d.kind !== 'identity_mismatch' || !d.evidence) {
    const verb = d.kind === 'copy_forward' ? 'repeats' : 'matches';
    return `This passage of ${d.words} words ${verb} ${from} ${HOW[d.closeness]} (${sim}).`;
  }
  return (
    `This passage of ${d.words} words (${sim}), copied from ${from}, ${evidencePhrase(d.evidence, d.own)}, ` +
    `which ${count(d.evidence) > 1 ? 'fit' : 'fits'} the subject of record ${d.source.record_id} (${sourceSubject(d.other)}), not this record's subject ${ownSubject(d.own)}.`
  );
}

function count(e: IdentityEvidence): number {
  return e.names.length + e.ages.length + e.pronouns.length;
}

function evidencePhrase(e: IdentityEvidence, own: Subject): string {
  const parts: string[] = [];
  if (e.names.length) parts.push(`names ${e.names.map(quote).join(' and ')}`);
  if (e.ages.length) parts.push(`${e.names.length ? '' : 'gives '}age ${e.ages.join(' and ')}`);
  if (e.pronouns.length) parts.push(`uses ${e.pronouns.map(quote).join(' and ')} for ${e.names.length ? 'the child' : own.firstWritten}`);
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : parts[0];
}

function sourceSubject(s: Subject): string {
  return [s.name ?? 'name not recorded', s.age !== null ? String(s.age) : null, s.gender].filter(Boolean).join(', ');
}

function ownSubject(s: Subject): string {
  const facts = [s.age !== null ? `age ${s.age}` : null, s.gender].filter(Boolean);
  return `${s.name ?? '(name not recorded)'}${facts.length ? ` (${facts.join(', ')})` : ''}`;
}

const quote = (s: string) => `'${s}'`;
