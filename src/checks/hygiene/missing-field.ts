import type { Check, Rule, RuleKind } from '../rule-kind.ts';
import type { CanonicalRecord } from '../../model/record.ts';
import type { FlagDraft } from '../../model/flag.ts';

/** The fields a record may lack (record_id, case_id, record_date and text are always there). */
export const OPTIONAL_FIELDS = ['subject_id', 'subject_name', 'subject_dob', 'subject_gender', 'recorded_at', 'author', 'team', 'record_type'] as const;
type OptionalField = (typeof OPTIONAL_FIELDS)[number];

/** A `missing-field` rule: a field every record should have, such as who wrote it. */
export interface MissingFieldRule extends Rule {
  field: OptionalField;
  blank_values?: string[];
}

export const missingFieldKind: RuleKind = {
  kind: 'missing-field',
  summary: 'Finds records with an empty field (e.g. no author) in an export whose other records fill it in.',
  properties: {
    field: { enum: [...OPTIONAL_FIELDS], description: 'The canonical field that must not be empty.' },
    blank_values: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      minItems: 1,
      description: 'Values that count as empty (compared in any case), e.g. unknown, n/a, -.',
    },
  },
  required: ['field'],
  createCheck(rules) {
    return new MissingFieldCheck(rules as MissingFieldRule[]);
  },
};

/**
 * A field empty in every record of a file usually means the export has no such column (or the
 * profile does not map it), which is not the writer's fault: so records are flagged only in
 * files where some other record has the field filled in.
 */
class MissingFieldCheck implements Check {
  private readonly missing: { rule: MissingFieldRule; record: CanonicalRecord }[] = [];
  /** `rule id \0 source path` of every file where the field was seen filled in. */
  private readonly filled = new Set<string>();
  private readonly blanks: Map<string, Set<string>>;

  constructor(private readonly rules: MissingFieldRule[]) {
    this.blanks = new Map(rules.map((r) => [r.id, new Set((r.blank_values ?? []).map((v) => v.trim().toLowerCase()))]));
  }

  record(record: CanonicalRecord): FlagDraft[] {
    for (const rule of this.rules) {
      const value = record[rule.field]?.trim() ?? '';
      if (!value || this.blanks.get(rule.id)!.has(value.toLowerCase())) this.missing.push({ rule, record });
      else this.filled.add(`${rule.id}\u0000${record.source.path}`);
    }
    return [];
  }

  finish(): FlagDraft[] {
    return this.missing
      .filter(({ rule, record }) => this.filled.has(`${rule.id}\u0000${record.source.path}`))
      .map(({ rule, record }) => ({ rule, record, message: `The record's ${rule.field.replace(/_/g, ' ')} is empty. ${rule.message}` }));
  }
}
