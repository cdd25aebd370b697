import type { Report } from '../build-report.ts';
import type { Severity } from '../../model/flag.ts';
import { failsRun, isDismissed } from '../failing.ts';
import { groupBy } from '../group.ts';

const xml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

/**
 * JUnit XML for CI test reporting: one test case per audited case that has flags (cases with
 * none pass and are counted), failed when a flag reaches the threshold. Dismissed flags never
 * fail; confirmed ones count as open ones do. Record text only with --snippets.
 */
export function formatJunit(report: Report, options: { failOn: Severity | 'never' }): string {
  const open = report.flags.filter((f) => !isDismissed(f));
  const byCase = groupBy(open, (f) => f.case_id);
  const cases: string[] = [];
  let failures = 0;
  for (const [caseId, flags] of byCase) {
    const failing = flags.filter((f) => failsRun(f, report, options.failOn));
    const name = `case ${caseId}`;
    if (!failing.length) {
      cases.push(`    <testcase classname="scrutineer.cases" name="${xml(name)}"/>`);
      continue;
    }
    failures++;
    const body = failing.map((f) => `${f.severity} ${f.rule} record ${f.record_id} (${f.record_date}): ${f.message}`).join('\n');
    cases.push(
      `    <testcase classname="scrutineer.cases" name="${xml(name)}">\n      <failure message="${failing.length} ${report.baseline ? 'new ' : ''}flag${failing.length === 1 ? '' : 's'} at or above ${options.failOn}" type="${xml(failing[0].severity)}">${xml(body)}</failure>\n    </testcase>`,
    );
  }
  const clean = report.summary.cases_audited - byCase.size;
  if (clean > 0) cases.push(`    <testcase classname="scrutineer.cases" name="${clean} cases with no flags"/>`);
  const tests = cases.length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="scrutineer" tests="${tests}" failures="${failures}">`,
    `  <testsuite name="scrutineer audit (as of ${report.run.as_of})" tests="${tests}" failures="${failures}" errors="0">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
