import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { Readable } from 'node:stream';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { readCsvRows, type CsvFileInfo } from '../src/intake/read-rows.ts';

/**
 * The public csv-spectrum cases (comma in quotes, escaped quotes, embedded newlines, UTF-8,
 * empty fields…) through scrutineer's CSV layer, as published and with every line ending
 * turned to CRLF. Line breaks inside values come out as LF whatever the file used.
 */
const root = dirname(createRequire(import.meta.url).resolve('csv-spectrum/package.json'));
const cases = readdirSync(join(root, 'csvs'))
  .filter((f) => f.endsWith('.csv'))
  .map((f) => f.replace(/\.csv$/, ''));

async function rowsOf(bytes: Buffer): Promise<Record<string, string>[]> {
  const info: Partial<CsvFileInfo> = {};
  const rows: string[][] = [];
  for await (const row of readCsvRows({ path: 'spectrum.csv', open: () => Readable.from([bytes]) }, { delimiter: ',' }, info)) {
    if (row.error !== undefined) throw new Error(`line ${row.line}: ${row.error}`);
    rows.push(row.fields);
  }
  const [header, ...data] = rows;
  return data.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

/**
 * The expected rows. location_coordinates.json is a bare object (not a list) whose phone number
 * does not match its CSV (an upstream slip); the other columns are compared.
 */
function expectedRows(name: string): Record<string, string>[] {
  const data = JSON.parse(readFileSync(join(root, 'json', `${name}.json`), 'utf8'));
  const rows = Array.isArray(data) ? data : [data];
  if (name === 'location_coordinates') for (const r of rows) delete r['Contact Phone Number'];
  return lf(rows);
}

function comparable(name: string, rows: Record<string, string>[]): Record<string, string>[] {
  if (name === 'location_coordinates') for (const r of rows) delete r['Contact Phone Number'];
  return rows;
}

const lf = (rows: Record<string, string>[]) => rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v.replace(/\r\n?/g, '\n')])));

describe('csv-spectrum', () => {
  it('has the cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(12);
  });

  it.each(cases)('%s', async (name) => {
    const bytes = readFileSync(join(root, 'csvs', `${name}.csv`));
    expect(comparable(name, await rowsOf(bytes))).toEqual(expectedRows(name));
  });

  it.each(cases.filter((n) => !n.endsWith('_crlf')))('%s with CRLF line endings', async (name) => {
    const text = readFileSync(join(root, 'csvs', `${name}.csv`), 'utf8')
      .replace(/\r\n/g, '\n')
      .replace(/\n/g, '\r\n');
    expect(comparable(name, await rowsOf(Buffer.from(text, 'utf8')))).toEqual(expectedRows(name));
  });
});
