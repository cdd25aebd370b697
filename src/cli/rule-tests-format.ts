import type { RuleTestResult } from './rule-tests.ts';

/** One line per rule, then the details of any that failed or have tracked known problems. */
export function formatRuleTests(results: RuleTestResult[]): string {
  const out: string[] = [];
  for (const r of results) {
    const status = !r.fixtures.length ? 'FAIL (no fixture)' : r.passed ? 'ok' : 'FAIL';
    const extra = [
      r.knownMisses.length && `${r.knownMisses.length} known miss`,
      r.knownFalseAlarms.length && `${r.knownFalseAlarms.length} known false alarm`,
      r.nowFixed.length && `${r.nowFixed.length} now fixed`,
    ]
      .filter(Boolean)
      .join(', ');
    out.push(
      `${status.padEnd(17)} ${r.rule}  found ${r.found.length}, missed ${r.missed.length}, unexpected ${r.unexpected.length}${extra ? `; ${extra}` : ''}`,
    );
    for (const m of r.missed) out.push(`    missed: ${m}`);
    for (const u of r.unexpected) out.push(`    unexpected: ${u}`);
    if (!r.found.length && r.fixtures.length) out.push('    no record in the fixtures shows the rule firing');
    for (const f of r.nowFixed) out.push(`    now fixed (update the fixture): ${f}`);
  }
  const failed = results.filter((r) => !r.passed).length;
  out.push('', `${results.length - failed} passed, ${failed} failed`);
  return out.join('\n') + '\n';
}
