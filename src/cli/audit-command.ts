import { Command, Option } from 'commander';
import { Chalk } from 'chalk';
import { runAudit } from '../core/audit.ts';
import { resolveInputs } from '../intake/read-inputs.ts';
import { loadProfiles } from '../intake/profiles.ts';
import { normaliseEncodingName } from '../intake/decode.ts';
import { parseDelimiterOption } from '../intake/delimiter.ts';
import { DEFAULT_RULES_DIR, loadPacks } from '../packs/load-packs.ts';
import { loadLabelsCsv } from '../packs/labels-csv.ts';
import { countAtLeast } from '../report/build-report.ts';
import { atLeast, type Severity } from '../report/flag.ts';
import { formatJson } from '../report/formats/json.ts';
import { formatTerminal } from '../report/formats/terminal.ts';
import { UserError } from '../intake/errors.ts';
import type { CanonicalField } from '../intake/record.ts';
import { collect, failOnOption, isoDateOption, mapOption, severityOption, todayIso } from './options.ts';
import { writeFileAtomic } from './write-output.ts';
import type { Io } from './io.ts';

interface AuditFlags {
  format?: 'terminal' | 'json';
  output?: string;
  rules: string[];
  defaultRules: boolean;
  profile?: string;
  map: Partial<Record<CanonicalField, string>>;
  encoding?: string;
  delimiter?: string;
  dateOrder: 'dmy' | 'mdy';
  asOf?: string;
  failOn: Severity | 'never';
  minSeverity: Severity;
  strict: boolean;
  quiet: boolean;
  mentions: boolean;
  labels?: string;
}

export function auditCommand(io: Io): Command {
  return new Command('audit')
    .description('audit case-record exports against the rule packs and report each flag')
    .argument('<inputs...>', 'CSV exports, folders of exports, or - for standard input')
    .addOption(new Option('-f, --format <format>', 'report format (default: terminal when stdout is a terminal, else json)').choices(['terminal', 'json']))
    .option('-o, --output <file>', 'write the report to a file (atomically, readable by you only) instead of stdout')
    .option('-r, --rules <path>', 'add a rule pack, or a folder of packs (repeatable)', collect, [])
    .option('--no-default-rules', 'do not load the default packs in rules/')
    .option('-p, --profile <name>', 'column profile to use instead of detecting it from the header')
    .option('-m, --map <field=Column>', 'read a canonical field from this column (repeatable)', mapOption, {})
    .option('--encoding <name>', 'input encoding: utf-8, utf-16le, utf-16be, windows-1252 (default: detected)')
    .option('--delimiter <char>', "field delimiter: , ; | or tab (default: detected from the header)")
    .addOption(new Option('--date-order <order>', 'how to read 03/04/2023').choices(['dmy', 'mdy']).default('dmy'))
    .option('--as-of <date>', 'reference date YYYY-MM-DD for date checks (default: today)', isoDateOption)
    .option('--fail-on <severity>', 'exit 1 when a flag is at or above this: error, warning, info, never', failOnOption, 'error')
    .option('--min-severity <severity>', 'leave flags below this out of the report: error, warning, info', severityOption, 'info')
    .option('--labels <file.csv>', 'add labels from a spreadsheet with the columns label,term (one term a row)')
    .option('--mentions', 'add every label mention, whatever its status, to the JSON report', false)
    .option('--strict', 'exit 2 when any row is rejected', false)
    .option('-q, --quiet', 'no diagnostics on stderr', false)
    .action(async (inputs: string[], flags: AuditFlags) => {
      io.exitCode = await audit(inputs, flags, io);
    });
}

async function audit(inputs: string[], flags: AuditFlags, io: Io): Promise<number> {
  if (flags.failOn !== 'never' && !atLeast(flags.failOn, flags.minSeverity)) {
    throw new UserError(`--fail-on ${flags.failOn} would count flags that --min-severity ${flags.minSeverity} leaves out; lower --min-severity`);
  }
  const format = flags.format ?? (io.stdoutIsTTY && !flags.output ? 'terminal' : 'json');
  const packs = loadPacks([...(flags.defaultRules ? [DEFAULT_RULES_DIR] : []), ...flags.rules]);
  if (flags.labels) {
    const { pack, skipped } = await loadLabelsCsv(flags.labels, packs.flatMap((p) => p.rules));
    packs.push(pack);
    if (!flags.quiet) for (const s of skipped) io.stderr(`scrutineer: ${s}; row skipped\n`);
  }
  if (!packs.some((p) => p.rules.length)) throw new UserError('no rules to run: give --rules PATH or leave out --no-default-rules');
  const asOf = flags.asOf ?? todayIso();
  const runOptions = {
    format, profile: flags.profile ?? null, map: flags.map, encoding: flags.encoding ?? null, delimiter: flags.delimiter ?? null,
    date_order: flags.dateOrder, fail_on: flags.failOn, min_severity: flags.minSeverity, strict: flags.strict,
    rules: flags.rules, default_rules: flags.defaultRules, mentions: flags.mentions, labels: flags.labels ?? null,
  };
  const report = await runAudit({
    sources: resolveInputs(inputs, io.stdin),
    intake: {
      profiles: loadProfiles(),
      profile: flags.profile,
      map: flags.map,
      encoding: flags.encoding ? normaliseEncodingName(flags.encoding) : undefined,
      delimiter: flags.delimiter ? parseDelimiterOption(flags.delimiter) : undefined,
      dateOrder: flags.dateOrder,
    },
    packs,
    asOf,
    minSeverity: flags.minSeverity,
    mentions: flags.mentions,
    runOptions,
  });
  if (!flags.quiet) {
    for (const input of report.inputs) {
      io.stderr(`${input.path}: ${input.profile} profile, ${input.encoding}, '${input.delimiter}' delimited; ${input.rows_audited} of ${input.rows_read} rows audited, ${input.rows_rejected} rejected\n`);
    }
  }
  const colour = format === 'terminal' && !flags.output && io.stdoutIsTTY && !io.env.NO_COLOR;
  const text = format === 'json' ? formatJson(report) : formatTerminal(report, new Chalk({ level: colour ? 2 : 0 }));
  if (flags.output) writeFileAtomic(flags.output, text);
  else io.stdout(text);
  if (flags.strict && report.rejected_rows.length) {
    io.stderr(`scrutineer: ${report.rejected_rows.length} rows rejected and --strict is set\n`);
    return 2;
  }
  return flags.failOn !== 'never' && countAtLeast(report, flags.failOn) > 0 ? 1 : 0;
}
