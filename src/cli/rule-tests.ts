import { basename } from 'node:path';
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { runAudit } from '../core/audit.ts';
import { resolveInputs } from '../intake/read-inputs.ts';
import { loadProfiles } from '../intake/profiles.ts';
import { UserError } from '../model/errors.ts';
import type { LoadedPack } from '../packs/load-packs.ts';
import { fixturesFor } from './fixtures.ts';

export { fixturesFor };

/** The columns of a rule fixture that say what must happen, each a space-separated list of rule ids. */
export const EXPECTATION_COLUMNS = ['must_fire', 'must_not_fire', 'known_miss', 'known_false_alarm'] as const;
type Expectation = (typeof EXPECTATION_COLUMNS)[number];

export interface RuleTestResult {
  rule: string;
  fixtures: string[];
  /** Records where the rule fired as expected. */
  found: string[];
  /** Records where it should have fired and did not. */
  missed: string[];
  /** Records where it fired and should not have. */
  unexpected: string[];
  /** Known misses still missed, and known false alarms still raised: tracked, not failures. */
  knownMisses: string[];
  knownFalseAlarms: string[];
  /** Known misses that now fire, known false alarms that no longer do: the fixture can be updated. */
  nowFixed: string[];
  passed: boolean;
}

interface ExpectationRow {
  record_id: string;
  lists: Record<Expectation, Set<string>>;
}

function readExpectations(path: string): ExpectationRow[] {
  let rows: Record<string, string>[];
  try {
    rows = parse(readFileSync(path, 'utf8').replace(/^\ufeff/, ''), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  } catch (err) {
    // A fixture the rule author wrote by hand: say which file and what is wrong with it, not "internal error".
    throw new UserError(`${path}: not a readable CSV fixture: ${(err as Error).message}`);
  }
  if (rows.length && !EXPECTATION_COLUMNS.some((c) => c in rows[0])) {
    throw new UserError(`${path}: a rule fixture needs at least one of the columns ${EXPECTATION_COLUMNS.join(', ')}`);
  }
  return rows.map((r) => ({
    record_id: r.record_id,
    lists: Object.fromEntries(EXPECTATION_COLUMNS.map((c) => [c, new Set((r[c] ?? '').split(/[\s,;]+/).filter(Boolean))])) as Record<Expectation, Set<string>>,
  }));
}

/**
 * Runs every fixture through a full audit with all the packs, then scores each rule: the
 * records it had to flag, those it had to leave alone, and the known misses and false alarms
 * kept visible without failing. A rule with no fixture fails.
 */
export async function runRuleTests(packs: LoadedPack[], asOf: string): Promise<RuleTestResult[]> {
  const results = new Map<string, RuleTestResult>();
  for (const rule of packs.flatMap((p) => p.rules)) {
    results.set(rule.id, {
      rule: rule.id,
      fixtures: [],
      found: [],
      missed: [],
      unexpected: [],
      knownMisses: [],
      knownFalseAlarms: [],
      nowFixed: [],
      passed: true,
    });
  }
  for (const fixture of packs.flatMap(fixturesFor)) {
    const own = basename(fixture, '.csv');
    const expectations = readExpectations(fixture);
    const report = await runAudit({
      sources: resolveInputs([fixture]),
      intake: { profiles: loadProfiles(), dateOrder: 'dmy' },
      packs,
      asOf,
      minSeverity: 'info',
      runOptions: {},
    });
    if (report.rejected_rows.length) {
      const r = report.rejected_rows[0];
      throw new UserError(`${fixture}:${r.line}: fixture row rejected: ${r.reason}`);
    }
    const fired = new Set(report.flags.map((f) => `${f.rule}\u0000${f.record_id}`));
    const mentioned = new Set(expectations.flatMap((e) => EXPECTATION_COLUMNS.flatMap((c) => [...e.lists[c]])));
    for (const result of results.values()) {
      const id = result.rule;
      if (id !== own && !mentioned.has(id)) continue;
      if (!result.fixtures.includes(fixture)) result.fixtures.push(fixture);
      for (const e of expectations) {
        const did = fired.has(`${id}\u0000${e.record_id}`);
        const where = `${basename(fixture)}:${e.record_id}`;
        if (e.lists.must_fire.has(id)) (did ? result.found : result.missed).push(where);
        else if (e.lists.known_miss.has(id)) (did ? result.nowFixed : result.knownMisses).push(where);
        else if (e.lists.known_false_alarm.has(id)) (did ? result.knownFalseAlarms : result.nowFixed).push(where);
        else if (did && (e.lists.must_not_fire.has(id) || id === own)) result.unexpected.push(where);
      }
    }
  }
  for (const r of results.values()) r.passed = r.fixtures.length > 0 && r.found.length > 0 && !r.missed.length && !r.unexpected.length;
  return [...results.values()];
}
