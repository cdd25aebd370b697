import { CANONICAL_FIELDS } from '../model/record.ts';
import { SEVERITIES } from '../model/flag.ts';
import { FORMATS } from '../model/formats.ts';

const paths = { type: 'array', items: { type: 'string', minLength: 1 } };

/** The council configuration file (scrutineer.yaml). Paths in it are relative to the file. */
export const CONFIG_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    rules: { ...paths, description: 'Packs or folders of packs to add.' },
    default_rules: { type: 'boolean', description: 'Load the default packs (true unless set to false).' },
    disable: { type: 'array', items: { type: 'string' }, description: 'Rule ids to switch off.' },
    severity: { type: 'object', additionalProperties: { enum: [...SEVERITIES] }, description: 'Rule id → severity.' },
    set: {
      type: 'object',
      additionalProperties: { type: 'object' },
      description: 'Rule id → fields to change (thresholds, word lists), checked against the rule kind.',
    },
    labels: { type: 'string', description: 'A spreadsheet of local labels (label,term).' },
    templates: {
      ...paths,
      description:
        "Text files of the council's own templates and standard wording (UTF-8; passages separated by a blank line, each of 4 words or more): never flagged as copied by the duplication rules.",
    },
    profile: { type: 'string' },
    map: { type: 'object', additionalProperties: false, properties: Object.fromEntries(CANONICAL_FIELDS.map((f) => [f, { type: 'string' }])) },
    encoding: { type: 'string' },
    delimiter: { type: 'string' },
    date_order: { enum: ['dmy', 'mdy'] },
    fail_on: { enum: [...SEVERITIES, 'never'] },
    min_severity: { enum: [...SEVERITIES] },
    outputs: {
      type: 'array',
      items: { type: 'object', additionalProperties: false, required: ['format'], properties: { format: { enum: [...FORMATS] }, output: { type: 'string' } } },
      description: 'Formats to write, each to a file (one may go to stdout).',
    },
    redact: { type: 'boolean' },
    snippets: { type: 'boolean' },
    excel_ids: { type: 'boolean', description: 'In the csv report, write ids as ="…" so Excel keeps them as text (--excel-ids).' },
    mentions: { type: 'boolean' },
    strict: { type: 'boolean' },
    reviewed: { type: 'string', description: 'The reviewed-flags file.' },
    baseline: { type: 'string' },
    history: { type: 'string' },
    manifest: { type: 'string', description: 'Write a run manifest (no case content) here.' },
    since: {
      type: 'string',
      pattern: '^\\d{4}-\\d{2}-\\d{2}$',
      description: 'Report flags only on records dated on or after this day (YYYY-MM-DD); earlier records are read for context.',
    },
    until: {
      type: 'string',
      pattern: '^\\d{4}-\\d{2}-\\d{2}$',
      description: 'Report flags only on records dated on or before this day (YYYY-MM-DD); later records are read for context.',
    },
  },
};
