/** The words of a duplication finding: what was copied from where, and whose details it carries. */
import type { CanonicalRecord } from '../../model/record.ts';
import { formatUkDate } from '../../intake/dates.ts';
import type { IdentityEvidence, Subject } from './identity.ts';
import { joinQuoted, quote, written, type Part, type Quoted } from '../../model/quote.ts';

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

/**
 * The factual sentence that opens the flag's message (the rule's advice follows it). Names and
 * pronouns, of the records' text or of their subjects, are quotes.
 */
export function describeFinding(d: Described): Quoted {
  const own = d.target.record_id;
  const where = {
    same_case: written`in this case`,
    same_family: written`in case ${d.source.case_id}, which also names ${name(d.own.firstWritten, own)}`,
    other_case: written`in another case (${d.source.case_id})`,
  }[d.scope];
  const from = written`record ${d.source.record_id} of ${formatUkDate(d.source.record_date)} ${where}`;
  const sim = `similarity ${d.similarity.toFixed(2)}`;
  if (d.kind !== 'identity_mismatch' || !d.evidence) {
    const verb = d.kind === 'copy_forward' ? 'repeats' : 'matches';
    return written`This passage of ${d.words} words ${verb} ${from} ${HOW[d.closeness]} (${sim}).`;
  }
  return written`This passage of ${d.words} words (${sim}), copied from ${from}, ${evidencePhrase(d.evidence, d.own, own)}, which ${count(d.evidence) > 1 ? 'fit' : 'fits'} the subject of record ${d.source.record_id} (${sourceSubject(d.other, d.source.record_id)}), not this record's subject ${ownSubject(d.own, own)}.`;
}

/** A name from a record (its text or its subject's name) as a quote; an absent one as the check writes it. */
function name(value: string | null, record_id: string): Part {
  return value === null ? 'null' : quote(value, record_id);
}

function count(e: IdentityEvidence): number {
  return e.names.length + e.ages.length + e.pronouns.length;
}

/** The words of this record (names, pronouns) that are the other child's, in straight quotes. */
function evidencePhrase(e: IdentityEvidence, own: Subject, record_id: string): Quoted {
  const quoted = (words: string[]) =>
    joinQuoted(
      words.map((w) => written`'${quote(w, record_id)}'`),
      ' and ',
    );
  const parts: Quoted[] = [];
  if (e.names.length) parts.push(written`names ${quoted(e.names)}`);
  if (e.ages.length) parts.push(written`${e.names.length ? '' : 'gives '}age ${e.ages.join(' and ')}`);
  if (e.pronouns.length) parts.push(written`uses ${quoted(e.pronouns)} for ${e.names.length ? 'the child' : name(own.firstWritten, record_id)}`);
  return parts.length > 1 ? written`${joinQuoted(parts.slice(0, -1), ', ')} and ${parts[parts.length - 1]}` : parts[0];
}

function sourceSubject(s: Subject, record_id: string): Quoted {
  const parts: Part[] = [];
  if (s.name === null) parts.push('name not recorded');
  else if (s.name) parts.push(quote(s.name, record_id));
  if (s.age !== null) parts.push(String(s.age));
  if (s.gender) parts.push(s.gender);
  return joinQuoted(parts, ', ');
}

function ownSubject(s: Subject, record_id: string): Quoted {
  const facts = [s.age !== null ? `age ${s.age}` : null, s.gender].filter(Boolean);
  return written`${s.name === null ? '(name not recorded)' : quote(s.name, record_id)}${facts.length ? ` (${facts.join(', ')})` : ''}`;
}
