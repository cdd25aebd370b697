import { Command, InvalidArgumentError, Option } from 'commander';
import { FORMATS, type FormatName } from '../model/formats.ts';
import { CONFIG_FILE } from '../config/config-file.ts';
import { collect, failOnOption, isoDateOption, jobsOption, mapOption, severityOption } from './options.ts';
import type { AuditFlags, RejectLimit, Target } from './audit-run.ts';
import type { Io } from './io.ts';

export function auditCommand(io: Io): Command {
  const targets: Target[] = [];
  const formatOption = (value: string) => {
    if (!(FORMATS as readonly string[]).includes(value)) throw new InvalidArgumentError(`use one of ${FORMATS.join(', ')}`);
    targets.push({ format: value as FormatName });
    return value;
  };
  const outputOption = (value: string) => {
    const open = targets.find((t) => t.output === undefined && t.format !== undefined);
    if (open) open.output = value;
    else targets.push({ output: value });
    return value;
  };
  return new Command('audit')
    .description('audit case-record exports against the rule packs and report each flag')
    .argument('<inputs...>', 'CSV exports, folders of exports, or - for standard input')
    .option('-f, --format <format>', `report format, repeatable: ${FORMATS.join(', ')} (default: terminal when stdout is a terminal, else json)`, formatOption)
    .option('-o, --output <file>', 'write the preceding --format to this file (atomically, readable by you only); repeatable', outputOption)
    .option('-c, --config <file>', `council configuration (default: ${CONFIG_FILE} in the working folder, if there is one)`)
    .option('-r, --rules <path>', 'add a rule pack, or a folder of packs (repeatable)', collect, [])
    .option('--no-default-rules', 'do not load the default packs in rules/')
    .option('-p, --profile <name>', 'column profile to use instead of detecting it from the header')
    .option('-m, --map <field=Column>', 'read a canonical field from this column (repeatable)', mapOption, {})
    .option('--encoding <name>', 'input encoding: utf-8, utf-16le, utf-16be, windows-1252 (default: detected)')
    .option('--delimiter <char>', 'field delimiter: , ; | or tab (default: detected from the header)')
    .addOption(new Option('--date-order <order>', 'how to read 03/04/2023').choices(['dmy', 'mdy']).default('dmy'))
    .option('--as-of <date>', 'reference date YYYY-MM-DD for date checks (default: today)', isoDateOption)
    .option('--since <date>', 'report flags only on records dated on or after this day, YYYY-MM-DD (earlier records are still read for context)', isoDateOption)
    .option('--until <date>', 'report flags only on records dated on or before this day, YYYY-MM-DD (later records are still read for context)', isoDateOption)
    .option(
      '--fail-on <severity>',
      'exit 1 when a flag is at or above this: error, warning, info, never (with --baseline, new flags only)',
      failOnOption,
      'error',
    )
    .option('--min-severity <severity>', 'leave flags below this out of the report: error, warning, info', severityOption, 'info')
    .option('--labels <file.csv>', 'add labels from a spreadsheet with the columns label,term (one term a row)')
    .option('--mentions', 'add every label mention, whatever its status, to the JSON report', false)
    .option(
      '--timeline',
      "add each case's fact sheet and its chronology of staleness events and claims to the report, the terminal view and the HTML report",
      false,
    )
    .option('--baseline <report.json>', 'compare with an earlier JSON report: flags are new or existing, missing ones resolved')
    .option(
      '--init-baseline',
      'when the --baseline file does not exist yet, write this run’s JSON report there and count every flag as existing (a CI job’s first run)',
      false,
    )
    .option(
      '--reviewed <file.yaml>',
      'an auditor’s decisions (scrutineer-reviewed.yaml, as the HTML report exports it): dismissed flags never fail the run, confirmed ones do',
    )
    .option('--show-reviewed', 'show dismissed flags in the terminal view', false)
    .option('--sample <n|n%>', 'audit a reproducible sample of whole cases: a number of cases or a percentage')
    .option('--seed <seed>', 'seed for --sample', '1')
    .option('--redact', 'mask names, dates, phone numbers, e-mail addresses, NHS numbers and postcodes in every format', false)
    .option('--snippets', 'include record text in junit, markdown and summary, which leave it out by default')
    .option('--no-snippets', 'leave record text out of every format')
    .option(
      '--excel-ids',
      'in the csv report, write ids as ="0012345" so Excel keeps them as text (leading zeros, long numbers); other readers then see the formula',
      false,
    )
    .option('--manifest <file.json>', 'write a run manifest with no case content (inputs and their hashes, rule packs, counts, times) for the audit record')
    .option('--history <file.ndjson>', 'append this run’s rates (no case content) to an audit history')
    .option(
      '-j, --jobs <n>',
      'worker threads for the checks that read a case at a time; 1 runs everything on one thread (default: one per core for inputs over 32 MB, else 1)',
      jobsOption,
    )
    .option('--strict', 'exit 2 when any row is rejected (the same as --max-rejected 0)', false)
    .option('--max-rejected <n|n%>', 'exit 2 when more rows than this are rejected: a number, or a percentage of the rows read', rejectLimitOption)
    .option('--no-progress', 'no progress line on stderr')
    .option('-q, --quiet', 'no diagnostics or progress on stderr', false)
    .action(async (inputs: string[], flags: AuditFlags, command: Command) => {
      // The audit's modules load only when an audit runs, not for --help or another command.
      const { runAudit } = await import('./audit-run.ts');
      io.exitCode = await runAudit(inputs, flags, command, targets, io);
    });
}

function rejectLimitOption(value: string): RejectLimit {
  const m = /^(\d+(?:\.\d+)?)(%?)$/.exec(value.trim());
  if (!m || (m[2] && Number(m[1]) > 100)) throw new InvalidArgumentError('give a number of rows (e.g. 5) or a percentage of the rows read (e.g. 0.5%)');
  return { value: Number(m[1]), percent: m[2] === '%' };
}
