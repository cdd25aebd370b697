/**
 * npm run gen -- --records N --seed S --out FILE [--profile liquidlogic-lcs|canonical]
 *
 * Writes a synthetic case-record export (UTF-8 with BOM, CRLF, day-first dates, one row per
 * case note, sorted by event date with cases interleaved) and FILE.truth.ndjson, one line per
 * planted defect. The same seed always gives a byte-identical file.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { PROFILES, type Profile } from './gen/generate.ts';
import { writeExport } from './gen/write-export.ts';

const USAGE = 'usage: npm run gen -- --records N --seed S --out FILE [--profile liquidlogic-lcs|canonical]';

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        records: { type: 'string' },
        seed: { type: 'string', default: '1' },
        out: { type: 'string' },
        profile: { type: 'string', default: 'liquidlogic-lcs' },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const records = Number((values.records ?? '').replace(/_/g, ''));
  if (!values.out || !Number.isInteger(records) || records < 1) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  if (!PROFILES.includes(values.profile as Profile)) {
    process.stderr.write(`unknown profile '${values.profile}': use one of ${PROFILES.join(', ')}\n`);
    return 2;
  }
  mkdirSync(dirname(values.out), { recursive: true });
  const progress = !values.quiet && process.stderr.isTTY;
  const result = await writeExport(values.out, { records, seed: values.seed, profile: values.profile as Profile }, (n) => {
    if (progress) process.stderr.write(`\r${n.toLocaleString('en-GB')} records`);
  });
  if (progress) process.stderr.write('\r');
  if (!values.quiet) {
    const mb = result.bytes / 1e6;
    process.stderr.write(
      `${result.file}: ${result.records.toLocaleString('en-GB')} records in ${result.cases.toLocaleString('en-GB')} cases, ${mb.toFixed(1)} MB, ` +
        `${Math.round(result.words / result.records)} words a record on average, ${result.seconds.toFixed(1)} s (${(mb / result.seconds).toFixed(0)} MB/s)\n` +
        `${result.truthFile}: ${Object.entries(result.defects)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}\n`,
    );
  }
  return 0;
}

process.exitCode = await main();
