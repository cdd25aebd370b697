import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readInputs, resolveInputs } from '../src/intake/read-inputs.ts';
import { loadProfiles } from '../src/intake/profiles.ts';
import { LineStarts } from '../src/intake/line-starts.ts';
import { RowRereader, rowFields } from '../src/intake/reread.ts';
import { parse } from 'csv-parse/sync';
import { csvParseOptions } from '../src/intake/read-rows.ts';
import type { InputSource, IntakeOptions } from '../src/intake/read-export.ts';
import type { CanonicalRecord, RecordPlace, RecordReader } from '../src/model/record.ts';
import { DuplicationCheck } from '../src/checks/duplication/check.ts';
import { DEFAULT_RULES_DIR, loadPacks } from '../src/packs/load-packs.ts';
import { createChecks } from '../src/core/audit.ts';
import type { DuplicationRule } from '../src/checks/duplication/rule.ts';
import { random } from './support/random.ts';
import { repoPath, runCli } from './support/run-cli.ts';

const profiles = loadProfiles();

async function readPlaced(sources: InputSource[], options: Partial<IntakeOptions> = {}) {
  const reread = new RowRereader();
  const items: { record: CanonicalRecord; place?: RecordPlace }[] = [];
  for await (const item of readInputs(sources, { profiles, dateOrder: 'dmy', reread, ...options }, [], [])) {
    if (item.record) items.push({ record: item.record, place: item.place });
  }
  return { items, reread };
}

/** Every placed record read again at its place, against the record as streamed. */
function expectRereadEqual(items: { record: CanonicalRecord; place?: RecordPlace }[], reread: RowRereader) {
  // Backwards, so that no read can lean on the one before it.
  for (const { record, place } of [...items].reverse()) expect(reread.read(place!)).toEqual(record);
  reread.close();
}

/** Line starts the slow way: after every CRLF, CR or LF. */
function referenceStarts(units: number[]): number[] {
  const starts = [0];
  for (let i = 0; i < units.length; i++) {
    if (units[i] === 13 && units[i + 1] === 10) i++;
    if (units[i] === 10 || units[i] === 13) starts.push(i + 1);
  }
  return starts;
}

function scanned(starts: LineStarts, count: number): number[] {
  return Array.from({ length: count }, (_, i) => starts.peek(i + 1)!);
}

describe('line starts', () => {
  it('finds every line start after CRLF, CR and LF, however the bytes are split into chunks', () => {
    const next = random(18);
    const rng = () => next() / 2 ** 32;
    for (let round = 0; round < 200; round++) {
      const units = Array.from({ length: 1 + Math.floor(rng() * 40) }, () => [97, 10, 13, 98][Math.floor(rng() * 4)]);
      const expected = referenceStarts(units);
      for (const [unit, encode] of [
        [1, (u: number[]) => Uint8Array.from(u)],
        [2, (u: number[]) => Uint8Array.from(u.flatMap((c) => [c, 0]))],
        [-2, (u: number[]) => Uint8Array.from(u.flatMap((c) => [0, c]))],
      ] as const) {
        const bytes = encode(units);
        const width = Math.abs(unit);
        for (let cut = 0; cut <= bytes.length; cut++) {
          const starts = new LineStarts(width as 1 | 2, unit < 0);
          // Two cuts: at `cut`, and at a random place after it (an odd one splits a UTF-16 unit).
          const second = cut + Math.floor(rng() * (bytes.length - cut + 1));
          for (const part of [bytes.subarray(0, cut), bytes.subarray(cut, second), bytes.subarray(second)]) starts.scan(part);
          starts.finish();
          expect(scanned(starts, expected.length)).toEqual(expected.map((s) => s * width));
          expect(starts.peek(expected.length + 1)).toBeNull();
          expect(starts.end).toBe(bytes.length);
        }
      }
    }
  });

  it('forgets the lines before the one taken, and keeps the rest', () => {
    const starts = new LineStarts(1);
    starts.scan(Buffer.from('a\nbb\r\nccc\rd'));
    starts.finish();
    expect(starts.take(3)).toBe(6);
    expect(starts.peek(2)).toBeNull();
    expect(starts.peek(4)).toBe(10);
    expect(starts.take(5)).toBeNull();
    expect(starts.end).toBe(11);
  });
});

describe('the fields of one row', () => {
  it("are what csv-parse reads with intake's options, for well-formed and malformed rows alike", () => {
    const next = random(7);
    const pick = <T>(list: readonly T[]) => list[next() % list.length];
    const pieces = ['a', 'Zoë', ' ', ',', ';', '"', '""', '\n', '\uFEFF', 'x y', ''];
    let wellFormed = 0;
    for (let round = 0; round < 3000; round++) {
      const delimiter = pick([',', ';', '\t', '|']);
      const fields = Array.from({ length: 1 + (next() % 5) }, () => Array.from({ length: next() % 4 }, () => pick(pieces)).join(''));
      // Mostly CSV as a system writes it (quoted when needed), sometimes raw text with stray quotes.
      const quoteAll = next() % 3 === 0;
      const written = fields.map((f) => (next() % 5 === 0 ? f : quoteAll || /["\n,;|\t]/.test(f) ? `"${f.replaceAll('"', '""')}"` : f));
      const text = written.join(delimiter) + (next() % 2 ? '\n' : '');
      const rows = parse(text, { ...csvParseOptions(delimiter), info: false, raw: false }) as string[][];
      expect(rowFields(text, delimiter), JSON.stringify(text)).toEqual(rows.length === 1 ? rows[0] : null);
      if (rows.length === 1 && rows[0].length === fields.length && rows[0].every((f, i) => f === fields[i])) wellFormed++;
    }
    expect(wellFormed).toBeGreaterThan(1000);
  });
});

describe('reading a row again at its place', () => {
  const folders = ['fixtures/intake', 'fixtures/exports', 'fixtures/duplication', 'fixtures/forms'];
  const files = folders.flatMap((d) =>
    readdirSync(repoPath(d))
      .filter((f) => /\.(csv|txt)$/.test(f) && !['invalid-utf8.csv', 'missing-required-column.csv', 'expected.csv'].includes(f))
      .map((f) => `${d}/${f}`),
  );

  it.each(files)('%s: every one-row record reads again as it was read, and a form has no places', async (file) => {
    const { items, reread } = await readPlaced(resolveInputs([repoPath(file)]));
    expect(items.length).toBeGreaterThan(0);
    if (file.startsWith('fixtures/forms/')) {
      expect(items.filter((i) => i.place)).toEqual([]);
      return;
    }
    expect(items.filter((i) => !i.place)).toEqual([]);
    expectRereadEqual(items, reread);
  });

  const header = 'text,record_id,case_id,subject_id,subject_name,subject_dob,subject_gender,record_date,recorded_at,author,team,record_type';
  const row = (text: string, i: number) =>
    `${text},R-${i},C-${i % 3},P-${i % 3},Zoë Brennan,2015-03-0${1 + (i % 9)},female,2023-04-${10 + (i % 19)},,Sam Ng,Team A,Visit`;
  const rows = [
    '"Quoted note over lines:\r\nshe said ""fine"" and\r\n\r\nleft, at 10:30."',
    '\uFEFFA note that opens with a byte order mark inside the file',
    '"Smart quotes “like these”, a pound sign £35 and a dash – in Windows-1252"',
    '"<p>Mark-up <b>removed</b></p>"',
    '"Tabs\tand ; semicolons, | pipes"',
    'Plain note with no quotes',
  ];
  const cases: [string, string, (text: string) => Buffer][] = [
    ['UTF-8 with a BOM and CRLF', '\uFEFF' + header + '\r\n' + rows.map(row).join('\r\n') + '\r\n', (t) => Buffer.from(t, 'utf8')],
    [
      'UTF-8, LF, blank lines between rows, no final line ending',
      header + '\n\n' + rows.map(row).join('\n\n\n').replaceAll('\r\n', '\n'),
      (t) => Buffer.from(t),
    ],
    ['UTF-8, CR alone (old Mac)', header + '\r' + rows.map(row).join('\r').replaceAll('\r\n', '\r') + '\r', (t) => Buffer.from(t)],
    ['UTF-8 with a sep= line', 'sep=,\r\n' + header + '\r\n' + rows.map(row).join('\r\n') + '\r\n', (t) => Buffer.from(t)],
    ['Windows-1252, CRLF', header + '\r\n' + rows.slice(2).map(row).join('\r\n') + '\r\n', (t) => windows1252(t)],
    ['UTF-16LE with a BOM', '\uFEFF' + header + '\r\n' + rows.map(row).join('\r\n') + '\r\n', (t) => Buffer.from(t, 'utf16le')],
    ['UTF-16BE with a BOM', '\uFEFF' + header + '\r\n' + rows.map(row).join('\r\n') + '\r\n', (t) => Buffer.from(t, 'utf16le').swap16()],
  ];

  it.each(cases)('%s', async (name, text, encode) => {
    const dir = mkdtempSync(join(tmpdir(), 'scrutineer-reread-'));
    try {
      const path = join(dir, 'export.csv');
      writeFileSync(path, encode(text));
      const { items, reread } = await readPlaced(resolveInputs([path]));
      const count = name.startsWith('Windows') ? rows.length - 2 : rows.length;
      expect(items.map((i) => i.record.record_id)).toEqual(Array.from({ length: count }, (_, i) => `R-${i}`));
      expect(items.every((i) => i.place)).toBe(true);
      expectRereadEqual(items, reread);
      // The BOM inside the file is the note's, kept both times; the one at the start is not.
      const bomRow = items.find((i) => i.record.text.includes('byte order mark'));
      if (bomRow) expect(bomRow.record.text.startsWith('\uFEFF')).toBe(true);
      const multi = items.find((i) => i.record.text.startsWith('Quoted note'));
      if (multi) expect(multi.record.text).toBe('Quoted note over lines:\nshe said "fine" and\n\nleft, at 10:30.');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads rows again across the chunks a large file is read in (256 KB), in every encoding', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scrutineer-reread-'));
    try {
      const long = Array.from({ length: 3000 }, (_, i) => row(`"Note ${i}:\r\n${'word '.repeat(i % 97)}\r\nend ${'“q” '.repeat(i % 5)}"`, i));
      const text = header + '\r\n' + long.join('\r\n') + '\r\n';
      for (const [name, bytes] of [
        ['utf8.csv', Buffer.from(text)],
        ['cp1252.csv', windows1252(text.replaceAll('Zoë', 'Zoe'))],
        ['utf16.csv', Buffer.from('\uFEFF' + text, 'utf16le')],
      ] as const) {
        const path = join(dir, name);
        writeFileSync(path, bytes);
        expect(bytes.length).toBeGreaterThan(3 * 256 * 1024);
        const { items, reread } = await readPlaced(resolveInputs([path]));
        expect(items.length).toBe(3000);
        expect(items.every((i) => i.place)).toBe(true);
        expectRereadEqual(items, reread);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says so when the file has changed since it was read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scrutineer-reread-'));
    try {
      const path = join(dir, 'export.csv');
      writeFileSync(path, `${header}\n${row('First note', 1)}\n${row('Second note', 2)}\n`);
      const { items, reread } = await readPlaced(resolveInputs([path]));
      writeFileSync(path, `${header}\n${row('"An open quote', 1)}\n`);
      expect(() => reread.read(items[1].place!)).toThrow(
        /export\.csv: the row on line 3 could not be read again as it was read first: was the file changed during the audit\?/,
      );
      reread.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives no places for standard input or a source that is not a regular file', async () => {
    const bytes = readFileSync(repoPath('fixtures/exports/liquidlogic-casenotes.csv'));
    const [stdin] = resolveInputs(['-'], () => Readable.from([bytes]));
    const { items } = await readPlaced([stdin]);
    expect(items.length).toBe(45);
    expect(items.filter((i) => i.place)).toEqual([]);
    expect(resolveInputs(['/dev/null'])[0].file).toBeUndefined();
    expect(resolveInputs([repoPath('fixtures/exports')]).every((s) => s.file !== undefined)).toBe(true);
  });
});

/** Windows-1252 bytes for text within that code page. */
function windows1252(text: string): Buffer {
  const high: Record<string, number> = { '“': 0x93, '”': 0x94, '–': 0x96, '’': 0x92, '‘': 0x91 };
  return Buffer.from(Array.from(text, (c) => high[c] ?? c.charCodeAt(0)));
}

describe('the duplication check reads its candidate rows again from the file', () => {
  const rules = loadPacks([repoPath('rules/duplication.yaml')]).flatMap((p) => p.rules) as unknown as DuplicationRule[];

  it('keeps places, not rows, and finds the same copies as when it keeps every row', async () => {
    const { items, reread } = await readPlaced(resolveInputs([repoPath('fixtures/duplication/notes.csv')]));
    let reads = 0;
    const counting: RecordReader = {
      read: (place) => {
        reads++;
        return reread.read(place);
      },
    };
    const placed = new DuplicationCheck(rules, counting);
    const kept = new DuplicationCheck(rules);
    for (const { record, place } of items) {
      placed.record(record, place);
      kept.record(record, place);
    }
    const describe = (d: ReturnType<DuplicationCheck['finish']>[number]) =>
      JSON.stringify([d.rule.id, d.record, d.span, d.message, d.details, d.related_record_ids]);
    const fromPlaces = placed.finish().map(describe);
    const fromRows = kept.finish().map(describe);
    reread.close();
    expect(fromPlaces.length).toBeGreaterThanOrEqual(35);
    expect(fromPlaces).toEqual(fromRows);
    expect(placed.stats.keptRows).toBe(0);
    expect(kept.stats.keptRows).toBe(kept.stats.indexed);
    // Only records in candidate pairs are read again, each once while it is in the cache.
    expect(reads).toBeGreaterThan(0);
    expect(reads).toBeLessThanOrEqual(placed.stats.indexed);
  });

  it('reports the same flags from a file as from standard input, which keeps its rows', async () => {
    const file = 'fixtures/duplication/notes.csv';
    const args = ['--no-default-rules', '--rules', 'rules/duplication.yaml', '--format', 'json', '--fail-on', 'never', '--as-of', '2025-06-30'];
    const fromFile = await runCli(['audit', file, ...args]);
    const fromStdin = await runCli(['audit', '-', ...args], { stdin: readFileSync(repoPath(file)) });
    const flags = (out: string) => JSON.parse(out).flags;
    expect(flags(fromFile.stdout).length).toBeGreaterThanOrEqual(35);
    expect(JSON.stringify(flags(fromStdin.stdout)).replaceAll('"-"', JSON.stringify(file))).toBe(JSON.stringify(flags(fromFile.stdout)));
  });
});

describe('the staleness check reads its claims and quotes again from the file', () => {
  const file = 'fixtures/staleness-blind/cases.csv';

  it('gives the same flags and timelines with places as with records kept, reading only the statements shown', async () => {
    const packs = loadPacks([DEFAULT_RULES_DIR]);
    const sections: Record<string, unknown[]> = {};
    for (const pack of packs) for (const [key, value] of Object.entries(pack.sections)) (sections[key] ??= []).push(value);
    const rules = packs.flatMap((p) => p.rules).filter((r) => r.kind === 'staleness');
    const { items, reread } = await readPlaced(resolveInputs([repoPath(file)]));
    const run = (records?: RecordReader, timeline = true) => {
      const [check] = createChecks(rules, { asOf: '2025-06-30', sections, collectMentions: false, timeline, records });
      for (const { record, place } of items) check.record(record, place);
      const drafts = check.finish().map((d) => JSON.stringify([d.rule.id, d.record, d.span, d.message, d.quotes, d.related_record_ids]));
      return { drafts, sections: JSON.stringify(check.sections?.()) };
    };
    let reads = 0;
    const counting: RecordReader = {
      read: (place) => {
        reads++;
        return reread.read(place);
      },
    };
    const kept = run();
    const placed = run(counting);
    expect(kept.drafts.length).toBeGreaterThanOrEqual(20);
    expect(placed).toEqual(kept);
    expect(reads).toBeGreaterThan(0);
    // Without --timeline, only the claims' status and the flags' quotes are read again: fewer rows.
    const withTimeline = reads;
    reads = 0;
    expect(run(counting, false).drafts).toEqual(kept.drafts);
    expect(reads).toBeGreaterThan(0);
    expect(reads).toBeLessThanOrEqual(withTimeline);
    reread.close();
  });

  it('reports the same from a file as from standard input, with the checks in workers', async () => {
    const args = ['--format', 'json', '--fail-on', 'never', '--as-of', '2025-06-30', '--timeline', '--jobs', '2'];
    const fromFile = JSON.parse((await runCli(['audit', file, ...args])).stdout);
    const fromStdin = JSON.parse((await runCli(['audit', '-', ...args], { stdin: readFileSync(repoPath(file)) })).stdout);
    const part = (report: { flags: unknown[]; staleness_timeline: unknown[]; fact_sheet: unknown[] }) =>
      JSON.stringify([report.flags, report.staleness_timeline, report.fact_sheet]);
    expect(fromFile.flags.filter((f: { rule: string }) => f.rule.startsWith('staleness.')).length).toBeGreaterThanOrEqual(20);
    expect(fromFile.staleness_timeline.length).toBeGreaterThan(0);
    expect(part(fromStdin).replaceAll('"-"', JSON.stringify(file))).toBe(part(fromFile));
  });
});
