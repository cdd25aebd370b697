import type { RuleKind } from './rule-kind.ts';
import { inReportOrder, type SectionDeclaration } from '../model/sections.ts';
import { phraseKind } from './phrase/phrase.ts';
import { labelKind } from './label/label.ts';
import { duplicationKind } from './duplication/duplication.ts';
import { stalenessKind } from './staleness/staleness.ts';
import { missingFieldKind } from './hygiene/missing-field.ts';
import { recordDateKind } from './hygiene/record-date.ts';
import { decisionReasonsKind } from './hygiene/decision-reasons.ts';
import { subjectAgeKind } from './hygiene/subject-age.ts';
import { subjectGenderKind } from './hygiene/subject-gender.ts';
import { subjectNameKind } from './hygiene/subject-name.ts';

/** Every rule kind scrutineer knows, by name. */
export const RULE_KINDS: RuleKind[] = [
  phraseKind,
  labelKind,
  duplicationKind,
  stalenessKind,
  missingFieldKind,
  recordDateKind,
  decisionReasonsKind,
  subjectAgeKind,
  subjectGenderKind,
  subjectNameKind,
];

export function findKind(kind: string): RuleKind | undefined {
  return RULE_KINDS.find((k) => k.kind === kind);
}

/** The report sections the given kinds (by default every kind) declare, in report order. */
export function reportSections(kinds: Iterable<string> = RULE_KINDS.map((k) => k.kind)): SectionDeclaration[] {
  return inReportOrder([...kinds].flatMap((kind) => findKind(kind)?.reportSections ?? []));
}
