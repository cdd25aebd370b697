import type { Report } from '../build-report.ts';
import type { Flag, Severity } from '../../model/flag.ts';
import { failsRun, isDismissed } from '../failing.ts';
import { groupBy } from '../group.ts';
import { inPieces } from './pieces.ts';

const xml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

/**
 * JUnit XML for CI test reporting: one test case per audited case that has flags (cases with
 * none pass and are counted), failed when a flag reaches the threshold. Dismissed flags never
 * fail; confirmed ones count as open ones do. Record text only with --snippets.
 */
export function formatJunit(report: Report, options: { failOn: Severity | 'never' }): string {
  return [...junitChunks(report, options)].join('');
}

/** formatJunit's text in pieces (formats/pieces.ts): case by case, a failing case's flags a line at a time. */
export function junitChunks(report: Report, options: { failOn: Severity | 'never' }): Generator<string, void, void> {
  return inPieces(junitParts(report, options));
}

function* junitParts(report: Report, options: { failOn: Severity | 'never' }): Generator<string, void, void> {
  const open = report.flags.filter((f) => !isDismissed(f));
  yield '';
  const byCase = groupBy(open, (f) => f.case_id);
  yield '';
  // The counts head the file: a first pass finds which cases fail.
  const failingOf = new Map<string, Flag[]>();
  for (const [caseId, flags] of byCase)
    failingOf.set(
      caseId,
      flags.filter((f) => failsRun(f, report, options.failOn)),
    );
  yield '';
  let failures = 0;
  for (const failing of failingOf.values()) if (failing.length) failures++;
  const clean = report.summary.cases_audited - byCase.size;
  const tests = byCase.size + (clean > 0 ? 1 : 0);
  yield [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="scrutineer" tests="${tests}" failures="${failures}">`,
    `  <testsuite name="scrutineer audit (as of ${report.run.as_of})" tests="${tests}" failures="${failures}" errors="0">`,
    '',
  ].join('\n');
  for (const [caseId, failing] of failingOf) {
    const name = `case ${caseId}`;
    if (!failing.length) {
      yield `    <testcase classname="scrutineer.cases" name="${xml(name)}"/>\n`;
      continue;
    }
    yield `    <testcase classname="scrutineer.cases" name="${xml(name)}">\n      <failure message="${failing.length} ${report.baseline ? 'new ' : ''}flag${failing.length === 1 ? '' : 's'} at or above ${options.failOn}" type="${xml(failing[0].severity)}">`;
    for (const [i, f] of failing.entries()) yield `${i ? '\n' : ''}${xml(`${f.severity} ${f.rule} record ${f.record_id} (${f.record_date}): ${f.message}`)}`;
    yield '</failure>\n    </testcase>\n';
  }
  if (clean > 0) yield `    <testcase classname="scrutineer.cases" name="${clean} cases with no flags"/>\n`;
  yield '  </testsuite>\n</testsuites>\n';
}
