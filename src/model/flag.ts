import { createHash } from 'node:crypto';
import type { CanonicalRecord } from './record.ts';
import { locate } from './segments.ts';
import type { Quote } from './quote.ts';

export type { Quote } from './quote.ts';

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];
const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export function atLeast(severity: Severity, threshold: Severity): boolean {
  return RANK[severity] >= RANK[threshold];
}

/** What every rule carries, whatever its kind. */
export interface RuleMeta {
  id: string;
  kind: string;
  category: string;
  severity: Severity;
  standards: string[];
  message: string;
  description?: string;
  /** The pack the rule came from. */
  pack: string;
}

export interface Span {
  start: number;
  end: number;
  text: string;
}

/** A short piece of the record around the span, for people to read. */
export interface Snippet {
  before: string;
  match: string;
  after: string;
}

export interface Flag {
  id: string;
  rule: string;
  category: string;
  severity: Severity;
  standards: string[];
  message: string;
  /**
   * The record text the message and the details quote, each with where it stands: the text
   * policy masks exactly these. Empty when the flag quotes nothing.
   */
  quotes: Quote[];
  record_id: string;
  case_id: string;
  subject_id: string | null;
  record_date: string;
  author: string | null;
  team: string | null;
  record_type: string | null;
  span: Span | null;
  snippet: Snippet | null;
  /**
   * For a record assembled from a form export: the question the span is in and the physical
   * line of that answer's row. Absent for one-row records and flags without a span.
   */
  location?: { question: string; line: number };
  related_record_ids: string[];
  /** Canonical label name, for label findings. */
  label?: string;
  /** Assertion status of a label mention, for label findings. */
  status?: string;
  /** Kind-specific detail (similarity, the other record's span…). */
  details?: Record<string, unknown>;
  /** With --baseline: whether the earlier report had this flag. */
  baseline?: 'new' | 'existing';
  /** With --reviewed: what an auditor decided about this flag. */
  review?: Review;
}

/** What an auditor decided about a flag: a real recording problem, or not one. */
export const REVIEW_DECISIONS = ['confirmed', 'dismissed'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/** Why a flag was dismissed: a short fixed list, so decisions can be counted per reason. */
export const DISMISSAL_REASONS = ['attributed', 'evidenced-elsewhere', 'not-about-a-person', 'already-corrected', 'other'] as const;
export type DismissalReason = (typeof DISMISSAL_REASONS)[number];

/** The words an auditor reads for each dismissal reason. */
export const DISMISSAL_REASON_TEXT: Record<DismissalReason, string> = {
  attributed: 'attributed',
  'evidenced-elsewhere': 'evidenced elsewhere in the record',
  'not-about-a-person': 'not about a person',
  'already-corrected': 'already corrected',
  other: 'other',
};

/**
 * An auditor's decision on a flag, from the reviewed-flags file. A `confirmed` flag is a real
 * recording problem and still counts towards the exit code; a `dismissed` one never does.
 * Entries of the first file format (no decision) are read as dismissed for reason `other`.
 */
export interface Review {
  status: 'reviewed';
  decision: ReviewDecision;
  /** Why it was dismissed; only on dismissed flags. */
  reason_code?: DismissalReason;
  reviewer: string;
  date: string;
  /** The auditor's own words (may be empty). */
  reason: string;
}

/**
 * What a check reports: the rule, the record, where, and what to say. Record text in the message
 * or the details is given in `quotes` (build them with `written`, `quote` and `asMessage` of
 * model/quote.ts), so --redact and --no-snippets mask exactly it.
 */
export interface FlagDraft {
  rule: RuleMeta;
  record: CanonicalRecord;
  span?: { start: number; end: number };
  /** Overrides the rule's message (e.g. with the related record's details filled in). */
  message?: string;
  /** The record text in `message` and `details`, and where it stands (none when absent). */
  quotes?: Quote[];
  /** Overrides the rule's severity (e.g. a label repeated after contrary evidence). */
  severity?: Severity;
  related_record_ids?: string[];
  label?: string;
  status?: string;
  details?: Record<string, unknown>;
  /** Distinguishes two findings of one rule on one span (kept in the fingerprint). */
  discriminator?: string;
  /**
   * The span's words and snippet, taken from the record's text by `withoutText`, so that a
   * draft kept to the end of a run does not keep the whole text (its record's `text` is then empty).
   */
  excerpt?: { span: string; snippet: Snippet };
}

/** The words of a draft's span (from its excerpt when its record's text has been let go). */
export function spanText(draft: FlagDraft): string {
  return draft.excerpt?.span ?? draft.record.text.slice(draft.span!.start, draft.span!.end);
}

/**
 * The draft with what the report takes from its record's text (the span's words and snippet)
 * worked out now and the text itself let go: a draft is kept until the report is built, and
 * held the whole note (a few KB, for about one record in twelve on the benchmark export).
 * toFlag makes the same flag from either.
 */
export function withoutText(draft: FlagDraft): FlagDraft {
  if (!draft.record.text) return draft;
  const { record, span } = draft;
  const excerpt = span ? { span: record.text.slice(span.start, span.end), snippet: makeSnippet(record.text, span.start, span.end) } : undefined;
  return { ...draft, record: { ...record, text: '' }, ...(excerpt && { excerpt }) };
}

const SNIPPET_CONTEXT = 60;

export function makeSnippet(text: string, start: number, end: number): Snippet {
  let from = Math.max(0, start - SNIPPET_CONTEXT);
  let to = Math.min(text.length, end + SNIPPET_CONTEXT);
  if (from > 0) from = text.indexOf(' ', from) + 1 || from;
  if (to < text.length) to = text.lastIndexOf(' ', to) > end ? text.lastIndexOf(' ', to) : to;
  const clean = (s: string) => s.replace(/\s+/g, ' ');
  return {
    before: (from > 0 ? '…' : '') + clean(text.slice(from, start)),
    match: clean(text.slice(start, end)),
    after: clean(text.slice(end, to)) + (to < text.length ? '…' : ''),
  };
}

/**
 * Builds the flag from a draft. The id is a fingerprint of the rule, the record and the words
 * found (not their offsets), so the same finding on the same record keeps its id across runs
 * and across edits elsewhere in the note.
 */
export function toFlag(draft: FlagDraft): Omit<Flag, 'id'> & { fingerprint: string } {
  const { rule, record } = draft;
  const span = draft.span ? { ...draft.span, text: spanText(draft) } : null;
  const location = span ? locate(record, span.start) : null;
  const fingerprint = [rule.id, record.record_id, span?.text.toLowerCase().replace(/\s+/g, ' ') ?? '', draft.discriminator ?? ''].join('\u0000');
  return {
    fingerprint,
    rule: rule.id,
    category: rule.category,
    severity: draft.severity ?? rule.severity,
    standards: rule.standards,
    message: draft.message ?? rule.message,
    quotes: draft.quotes ?? [],
    record_id: record.record_id,
    case_id: record.case_id,
    subject_id: record.subject_id,
    record_date: record.record_date,
    author: record.author,
    team: record.team,
    record_type: record.record_type,
    span,
    snippet: span ? (draft.excerpt?.snippet ?? makeSnippet(record.text, span.start, span.end)) : null,
    ...(location && { location }),
    related_record_ids: draft.related_record_ids ?? [],
    ...(draft.label !== undefined && { label: draft.label }),
    ...(draft.status !== undefined && { status: draft.status }),
    ...(draft.details !== undefined && { details: draft.details }),
  };
}

export function fingerprintId(fingerprint: string): string {
  return createHash('sha256').update(fingerprint).digest('hex').slice(0, 16);
}
