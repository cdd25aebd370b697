import {
  CANONICAL_FIELDS,
  type CanonicalField,
  type CanonicalRecord,
  type IntakeWarning,
  type RecordSource,
  type RejectedRow,
  type TextSegment,
} from '../../model/record.ts';
import { toPlainText } from '../rich-text/index.ts';
import { append } from '../../model/lists.ts';

/** A record's fields other than its text, as read from one row. */
export type RecordValues = Omit<CanonicalRecord, 'text' | 'source' | 'segments' | 'markup'>;

/** One row of a form-shaped export, as the reader hands it over. */
export interface FormRow {
  source: RecordSource;
  /** The form instance id, trimmed ('' when empty). */
  instance: string;
  /** The question (first non-empty question column), trimmed ('' when empty). */
  question: string;
  /** The answer (first non-empty answer column) as exported, '' when unanswered. */
  answer: string;
  /** The question-order value, trimmed, or null. */
  order: string | null;
  /** The row's other fields, or why they cannot be used (`record_date: …`). */
  values: RecordValues | string;
  /** Messages about optional values the row had but that could not be used. */
  warnings: string[];
}

export type FormItem = { record: CanonicalRecord; rejected?: undefined } | { rejected: RejectedRow; record?: undefined };

/** Column names, for messages. */
export interface FormColumnNames {
  instance: string;
  question: string;
}

/** A form with more rows than this is cut: the rest of its rows are rejected. */
export const MAX_FORM_ROWS = 5000;

/** Fields that identify the form: a row that disagrees on one of them is rejected. */
const IDENTITY: readonly CanonicalField[] = ['subject_id', 'case_id', 'record_date'];

interface Answer {
  row: number;
  line: number;
  question: string;
  order: string | null;
  text: string;
}

interface OpenForm {
  instance: string;
  firstLine: number;
  values?: RecordValues;
  /** Where each field's value was first seen, for messages about disagreement. */
  valueLines: Partial<Record<CanonicalField, number>>;
  rows: { line: number; record: number }[];
  answers: Answer[];
  markup: Set<'html' | 'rtf'>;
  warnings: IntakeWarning[];
  warned: Set<string>;
}

/**
 * Assembles the rows of a form-shaped export into one record per form instance.
 *
 * The rows of one instance must be together (contiguous): a form is complete, and becomes a
 * record, as soon as a row of another instance arrives, so memory holds one form at a time. A row
 * of an instance that was already completed is rejected, naming where that form started. A row
 * that cannot be used (no question, an unreadable date, a subject or date that disagrees with
 * the rest of its form) is rejected on its own and the rest of the form is kept.
 */
export class FormAssembler {
  private open: OpenForm | null = null;
  /** Completed instances and the line each started on. */
  private readonly done = new Map<string, number>();

  constructor(
    private readonly path: string,
    private readonly names: FormColumnNames,
    private readonly warnings: IntakeWarning[],
    private readonly maxRows: number = MAX_FORM_ROWS,
  ) {}

  /** Takes one row; returns what it completes or rejects, in order. */
  add(row: FormRow): FormItem[] {
    const out: FormItem[] = [];
    const reject = (reason: string) => {
      out.push({ rejected: { path: row.source.path, line: row.source.line, record: row.source.record, reason } });
      return out;
    };
    if (!row.instance) return reject(`record_id is empty (the form instance column ${this.names.instance})`);
    if (this.open && this.open.instance !== row.instance) append(out, this.close());
    const started = this.done.get(row.instance);
    if (started !== undefined) {
      return reject(
        `form '${row.instance}' continues after rows of other forms (its rows start on line ${started} and were assembled without this one); the rows of one form must be together: sort the export by ${this.names.instance}`,
      );
    }
    this.open ??= {
      instance: row.instance,
      firstLine: row.source.line,
      valueLines: {},
      rows: [],
      answers: [],
      markup: new Set(),
      warnings: [],
      warned: new Set(),
    };
    const form = this.open;
    if (!row.question) return reject(`question is empty (${this.names.question})`);
    if (typeof row.values === 'string') return reject(row.values);
    const conflict = this.merge(form, row.values, row);
    if (conflict) return reject(conflict);
    if (form.rows.length >= this.maxRows) return reject(`form '${row.instance}' has more than ${this.maxRows} rows; the rows after that are not read`);
    form.rows.push({ line: row.source.line, record: row.source.record });
    for (const message of row.warnings) this.warn(form, row, message);
    const answer = toPlainText(row.answer);
    const text = answer.text.trim();
    if (text) {
      if (answer.markup) form.markup.add(answer.markup);
      form.answers.push({ row: form.rows.length, line: row.source.line, question: headingOf(row.question), order: row.order, text });
    }
    return out;
  }

  /** Completes the last form. */
  finish(): FormItem[] {
    return this.open ? this.close() : [];
  }

  private warn(form: OpenForm, row: FormRow, message: string) {
    if (form.warned.has(message)) return;
    form.warned.add(message);
    form.warnings.push({ path: this.path, line: row.source.line, record: row.source.record, message });
  }

  /**
   * Takes the row's fields into the form. The first value seen for a field is the form's; a row
   * that disagrees on an identifying field is refused (returns the reason), and a disagreement on
   * another field (author, team…) is a warning.
   */
  private merge(form: OpenForm, values: RecordValues, row: FormRow): string | null {
    if (!form.values) {
      form.values = { ...values, record_id: form.instance };
      for (const f of CANONICAL_FIELDS) if (f !== 'text' && values[f as keyof RecordValues] !== null) form.valueLines[f] = row.source.line;
      return null;
    }
    const mine = form.values as unknown as Record<string, string | null>;
    const theirs = values as unknown as Record<string, string | null>;
    for (const field of IDENTITY) {
      if (mine[field] !== null && theirs[field] !== null && mine[field] !== theirs[field]) {
        return `${field} '${theirs[field]}' differs from '${mine[field]}' given for form '${form.instance}' on line ${form.valueLines[field]}`;
      }
    }
    for (const field of CANONICAL_FIELDS) {
      if (field === 'text' || field === 'record_id') continue;
      if (mine[field] === null && theirs[field] !== null) {
        mine[field] = theirs[field];
        form.valueLines[field] = row.source.line;
      } else if (mine[field] !== null && theirs[field] !== null && mine[field] !== theirs[field]) {
        this.warn(
          form,
          row,
          `${field} '${theirs[field]}' differs from '${mine[field]}' given for form '${form.instance}' on line ${form.valueLines[field]}; the form keeps the first`,
        );
      }
    }
    return null;
  }

  private close(): FormItem[] {
    const form = this.open!;
    this.open = null;
    this.done.set(form.instance, form.firstLine);
    if (!form.rows.length) return [];
    if (!form.answers.length) {
      const reason = `form '${form.instance}' has no answered question`;
      return form.rows.map((r) => ({ rejected: { path: this.path, line: r.line, record: r.record, reason } }));
    }
    const answers = [...form.answers].sort((a, b) => compareOrder(a.order, b.order) || a.row - b.row);
    let text = '';
    const segments: TextSegment[] = [];
    for (const a of answers) {
      if (text) text += '\n\n';
      const start = text.length;
      text += `${a.question}${/[:?.]$/.test(a.question) ? '' : ':'}\n${a.text}`;
      segments.push({ start, end: text.length, label: a.question, line: a.line });
    }
    append(this.warnings, form.warnings);
    const values = form.values as unknown as Record<string, string | null>;
    const record = Object.fromEntries(CANONICAL_FIELDS.map((f) => [f, f === 'text' ? text : values[f]])) as unknown as CanonicalRecord;
    const [first] = form.rows;
    record.source = { path: this.path, line: first.line, record: first.record, rows: form.rows };
    record.segments = segments;
    if (form.markup.size) record.markup = [...form.markup].sort();
    return [{ record }];
  }
}

/** A question as a one-line heading: mark-up removed, white space collapsed. */
function headingOf(question: string): string {
  return toPlainText(question).text.replace(/\s+/g, ' ').trim();
}

/**
 * Orders question-order values: numbers numerically, and section numbers such as `3.2` and
 * `3.10` part by part; a form without values keeps its file order (rows with no value go last).
 */
export function compareOrder(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  const pa = a.match(/\d+|\D+/g) ?? [];
  const pb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === y) continue;
    const dx = /^\d/.test(x);
    const dy = /^\d/.test(y);
    if (dx && dy) {
      const nx = x.replace(/^0+(?=\d)/, '');
      const ny = y.replace(/^0+(?=\d)/, '');
      if (nx.length !== ny.length) return nx.length - ny.length;
      if (nx !== ny) return nx < ny ? -1 : 1;
      continue;
    }
    if (dx !== dy) return dx ? -1 : 1;
    return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
}
