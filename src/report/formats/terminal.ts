import type { ChalkInstance } from 'chalk';
import type { Report } from '../build-report.ts';
import { DISMISSAL_REASON_TEXT, type Flag, type Severity } from '../../model/flag.ts';
import { isDismissed } from '../failing.ts';
import { formatUkDate } from '../../intake/dates.ts';
import { terminalSafe } from '../../text/terminal-safe.ts';
import { groupBy } from '../group.ts';
import {
  FACT_SHEET,
  LABEL_HISTORIES,
  STALENESS_TIMELINE,
  sectionItems,
  type FactSheet as FactSheetItem,
  type LabelHistory,
  type StalenessTimeline,
} from '../../model/sections.ts';
import { append } from '../../model/lists.ts';
import { inPieces } from './pieces.ts';
import { describeWindow } from '../window.ts';

/** The grouped, human-readable view: by case, then record in date order, then a summary. */
export function formatTerminal(report: Report, c: ChalkInstance, options: { showReviewed?: boolean } = {}): string {
  return [...terminalChunks(report, c, options)].join('');
}

/** formatTerminal's text in pieces (formats/pieces.ts): record by record, with a step after each pass over every flag. */
export function terminalChunks(report: Report, c: ChalkInstance, options: { showReviewed?: boolean } = {}): Generator<string, void, void> {
  return inPieces(terminalParts(report, c, options));
}

/** Groups of lines, each given with a line break after its last. */
function* terminalParts(report: Report, c: ChalkInstance, options: { showReviewed?: boolean }): Generator<string, void, void> {
  const lines = (group: string[]) => `${group.join('\n')}\n`;
  // A confirmed flag is a real problem and stays in view; a dismissed one is hidden unless asked for.
  const hiddenReviewed = options.showReviewed ? 0 : report.flags.filter(isDismissed).length;
  const shown = options.showReviewed ? report.flags : report.flags.filter((f) => !isDismissed(f));
  yield '';
  const colour: Record<Severity, (s: string) => string> = { error: c.red.bold, warning: c.yellow, info: c.cyan };
  const byCase = groupBy(shown, (f) => f.case_id);
  yield '';
  // Each case's sections by case once: looking them up in the whole list for every case was quadratic.
  const histories = groupBy(sectionItems(report, LABEL_HISTORIES), (h) => h.case_id);
  const timelines = groupBy(sectionItems(report, STALENESS_TIMELINE), (t) => t.case_id);
  const sheets = sectionItems(report, FACT_SHEET);
  const sheetOf = new Map<string, FactSheetItem>();
  for (const sheet of sheets) if (!sheetOf.has(sheet.case_id)) sheetOf.set(sheet.case_id, sheet);
  const after = (caseId: string) => [
    ...chronology(histories.get(caseId) ?? [], c),
    ...factSheet(sheetOf.get(caseId), c),
    ...stalenessTimeline(timelines.get(caseId) ?? [], c),
    '',
  ];
  yield '';
  for (const [caseId, flags] of byCase) {
    const records = groupBy(flags, (f) => f.record_id);
    yield lines([c.bold(`Case ${safe(caseId)}`) + c.dim(`  ${plural(flags.length, 'flag')} in ${plural(records.size, 'record')}`)]);
    for (const [recordId, recordFlags] of records) {
      const out: string[] = [];
      const r = recordFlags[0];
      const who = [r.record_type, r.author ?? 'no author', r.team]
        .filter(Boolean)
        .map((s) => safe(s!))
        .join(' · ');
      out.push(`  ${c.bold(safe(recordId))}  ${formatUkDate(r.record_date)}  ${c.dim(who)}`);
      for (const f of recordFlags) {
        const badges = [f.baseline === 'new' ? c.bold.magenta(' NEW') : '', reviewBadge(f, c)].join('');
        out.push(
          `    ${colour[f.severity](f.severity.padEnd(7))} ${f.rule}${f.label ? c.dim(` (${f.label})`) : ''}  ${c.dim(`[${f.standards.join(', ')}]`)}${badges}  ${c.dim(`id ${f.id}`)}`,
        );
        if (f.location) out.push(`            ${c.dim(`in “${safe(f.location.question)}” (line ${f.location.line})`)}`);
        if (f.snippet) out.push(`            ${c.dim('“')}${safe(f.snippet.before)}${c.inverse(safe(f.snippet.match))}${safe(f.snippet.after)}${c.dim('”')}`);
        out.push(`            ${safe(f.message)}`);
        if (f.related_record_ids.length) out.push(`            ${c.dim(`related: ${f.related_record_ids.map(safe).join(', ')}`)}`);
      }
      yield lines(out);
    }
    yield lines(after(caseId));
  }
  // With --timeline, a case's facts are worth reading whether or not it has flags.
  for (const sheet of sheets) {
    if (byCase.has(sheet.case_id)) continue;
    yield lines([
      c.bold(`Case ${safe(sheet.case_id)}`) + c.dim('  no flags'),
      ...factSheet(sheetOf.get(sheet.case_id), c),
      ...stalenessTimeline(timelines.get(sheet.case_id) ?? [], c),
      '',
    ]);
  }
  if (!shown.length) yield lines([c.green('No flags.'), '']);
  yield lines(summaryLines(report, c, colour, hiddenReviewed));
}

function summaryLines(report: Report, c: ChalkInstance, colour: Record<Severity, (s: string) => string>, hiddenReviewed: number): string[] {
  const s = report.summary;
  const lines = [c.bold('Summary')];
  for (const input of report.inputs) {
    lines.push(
      `  ${safe(input.path)}: ${input.profile} profile, ${input.encoding}, '${input.delimiter}' delimited; ${input.rows_read} rows read, ${input.rows_audited} audited, ${input.rows_rejected} rejected${input.rows_outside_sample ? `, ${input.rows_outside_sample} outside the sample` : ''}`,
    );
  }
  const outside = s.rows_outside_sample ? `, ${s.rows_outside_sample} outside the sample` : '';
  lines.push(
    `  Records: ${s.rows_read} read, ${s.records_audited} audited, ${s.rows_rejected} rejected${outside}; ${s.cases_audited} cases audited, ${s.cases_flagged} with flags`,
  );
  const w = report.run.window;
  if (w)
    lines.push(
      `  Window: ${describeWindow(w)}: flags on the ${w.records_in_window} records dated in it; ${w.records_read_for_context} other records read for context only`,
    );
  if (report.run.sample)
    lines.push(
      `  Sample: ${report.run.sample.requested} with seed ${safe(report.run.sample.seed)}: ${report.run.sample.cases_selected} of ${report.run.sample.cases_total} cases`,
    );
  const sev = (['error', 'warning', 'info'] as Severity[]).map((k) => colour[k](`${s.by_severity[k]} ${k}`)).join(', ');
  lines.push(`  Flags: ${s.flags} (${sev})${s.flags_below_min_severity ? c.dim(`; ${s.flags_below_min_severity} below --min-severity not shown`) : ''}`);
  if (hiddenReviewed) lines.push(c.dim(`  ${hiddenReviewed} dismissed flags not shown (--show-reviewed shows them)`));
  append(lines, reviewLine(report));
  if (report.baseline)
    lines.push(`  Against the baseline: ${report.baseline.new} new, ${report.baseline.existing} existing, ${report.baseline.resolved.length} resolved`);
  if (report.reviewed?.stale.length)
    lines.push(c.yellow(`  ${report.reviewed.stale.length} reviewed-flag entries match no flag (stale): ${report.reviewed.stale.map((e) => e.id).join(', ')}`));
  if (s.flags) {
    lines.push(`  Per 100 records: ${s.rates.per_100_records.all}; per case: ${s.rates.per_case.all}`);
    lines.push(
      `  By category: ${Object.entries(s.by_category)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ')}`,
    );
    lines.push(
      `  By standard: ${Object.entries(s.by_standard)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ')}`,
    );
    const labels = topLabels(report);
    if (labels.length) lines.push(`  Top labels: ${labels.map(([k, n]) => `${safe(k)} ${n}`).join(', ')}`);
    lines.push(`  Cases affected: ${s.cases_flagged} of ${s.cases_audited}; records affected: ${s.records_flagged} of ${s.records_audited}`);
  }
  if (report.rejected_rows.length) {
    lines.push('', c.bold(`Rejected rows (${report.rejected_rows.length})`));
    for (const r of report.rejected_rows) lines.push(`  ${safe(r.path)}:${r.line} (record ${r.record}): ${safe(r.reason)}`);
  }
  if (report.warnings.length) {
    lines.push('', c.bold(`Warnings (${report.warnings.length})`));
    for (const w of report.warnings) lines.push(`  ${safe(w.path)}:${w.line} (record ${w.record}): ${safe(w.message)}`);
  }
  return lines;
}

const safe = terminalSafe;

/** `confirmed by JO 2025-05-02` or `dismissed (attributed) by JO 2025-05-02: the note`. */
function reviewBadge(f: Flag, c: ChalkInstance): string {
  const r = f.review;
  if (!r) return '';
  const why = r.decision === 'dismissed' && r.reason_code && r.reason_code !== 'other' ? ` (${DISMISSAL_REASON_TEXT[r.reason_code]})` : '';
  const text = ` ${r.decision ?? 'reviewed'}${why} by ${safe(r.reviewer)} ${r.date}${r.reason ? `: ${safe(r.reason)}` : ''}`;
  return r.decision === 'confirmed' ? c.red(text) : c.green(text);
}

/** With --reviewed: how many flags of this run were decided, and how. */
function reviewLine(report: Report): string[] {
  if (!report.reviewed) return [];
  const reviewed = report.flags.filter((f) => f.review);
  const confirmed = reviewed.filter((f) => f.review!.decision === 'confirmed').length;
  return [
    `  Reviewed: ${reviewed.length} of ${report.flags.length} flags decided (${confirmed} confirmed, ${reviewed.length - confirmed} dismissed), ${report.flags.length - reviewed.length} left`,
  ];
}

/** The labels flagged most often, most first (at most five). */
function topLabels(report: Report): [string, number][] {
  const counts = new Map<string, number>();
  for (const f of report.flags) if (f.label) counts.set(f.label, (counts.get(f.label) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 5);
}

/** A label's path through a case, where it was used more than once or against evidence. */
function chronology(histories: LabelHistory[], c: ChalkInstance): string[] {
  const shown = histories.filter((h) => h.first_record_id && (h.repeated_in.length || h.contrary_evidence_record_ids.length));
  if (!shown.length) return [];
  const lines = [`  ${c.bold('Label chronology')}`];
  for (const h of shown) {
    // One step per record: evidence against wins; otherwise the statuses it used the label with.
    const byRecord = groupBy(h.entries, (e) => e.record_id);
    const steps = [...byRecord].map(([recordId, entries]) => {
      const against = entries.some((e) => e.event === 'contrary-evidence');
      const statuses = [...new Set(entries.map((e) => e.status!))];
      const what = against ? c.green('evidence against') : statuses.map((st) => (st === 'asserted' ? c.red(st) : st)).join('/');
      const late = h.repeated_after_contrary_evidence.includes(recordId) ? c.red.bold(' after evidence against') : '';
      return `${formatUkDate(entries[0].record_date)} ${safe(recordId)} ${what}${late}`;
    });
    lines.push(`    ${c.bold(safe(h.label))}: ${steps.join(c.dim(' → '))}`);
  }
  return lines;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export type { Flag };

/** With --timeline: each staleness rule's events and claims in the case, in record order. */
function stalenessTimeline(shown: StalenessTimeline[], c: ChalkInstance): string[] {
  if (!shown.length) return [];
  const lines = [`  ${c.bold('Staleness timeline')}`];
  for (const t of shown) {
    const steps = t.entries.map((e) => {
      const words = `“${safe(e.words)}”`;
      const what =
        e.role === 'event'
          ? c.green(`event ${words}`)
          : e.role === 'reversal'
            ? `reversal ${words}`
            : e.stale_since
              ? c.red(`claim ${words} out of date since ${safe(e.stale_since)}`)
              : `claim ${words}`;
      return `${formatUkDate(e.record_date)} ${safe(e.record_id)} ${what}`;
    });
    lines.push(`    ${c.bold(safe(t.rule))}: ${steps.join(c.dim(' → '))}`);
  }
  return lines;
}

/**
 * With --timeline: the case's fact sheet, one line per person and topic: the current state,
 * since when and by which record, the states before it, and the later records that still state
 * an old one.
 */
function factSheet(sheet: FactSheetItem | undefined, c: ChalkInstance): string[] {
  if (!sheet?.people.length) return [];
  const lines = [`  ${c.bold('Fact sheet')}`];
  for (const person of sheet.people) {
    lines.push(`    ${c.bold(safe(person.name || '(name not shown)'))}`);
    for (const f of person.facts) {
      const before = f.history.slice(0, -1).map((h) => `${safe(h.state)} ${formatUkDate(h.record_date)} ${safe(h.record_id)}`);
      lines.push(
        `      ${safe(f.topic)}: ${c.green(safe(f.state))} since ${formatUkDate(f.since)} (${safe(f.record_id)})${before.length ? c.dim(`; before: ${before.join(' → ')}`) : ''}`,
      );
      const byState = groupBy(f.stale_claims, (s) => s.state);
      for (const [state, claims] of byState) {
        lines.push(
          `        ${c.red(`still stated as ${safe(state)}: ${claims.map((s) => `${safe(s.record_id)} (${formatUkDate(s.record_date)})`).join(', ')}`)}`,
        );
      }
    }
  }
  return lines;
}
