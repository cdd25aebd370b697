import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { JsonAssembler, JsonTopLevelReader, readJsonEvents, readJsonFile, type JsonEvent } from '../src/model/json-stream.ts';
import { jsonPieces } from '../src/model/json-pieces.ts';
import { auditJson, repoPath } from './support/run-cli.ts';

/** The events of `text` pushed in the chunks that cutting it at `cuts` gives. */
function eventsOf(text: string, cuts: number[]): JsonEvent[] {
  const reader = new JsonTopLevelReader();
  const events: JsonEvent[] = [];
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    events.push(...reader.push(text.slice(from, cut)));
    from = cut;
  }
  events.push(...reader.push(text.slice(from)));
  events.push(...reader.end());
  return events;
}

/** `text` read in chunks of `size` characters, put together. */
function parseInChunks(text: string, size: number): unknown {
  const cuts: number[] = [];
  for (let at = size; at < text.length; at += size) cuts.push(at);
  const assembler = new JsonAssembler();
  for (const e of eventsOf(text, cuts)) assembler.add(e);
  return assembler.value;
}

/** The message reading `text` in chunks of `size` fails with. */
function failure(text: string, size = 1): string {
  try {
    parseInChunks(text, size);
  } catch (err) {
    return (err as Error).message;
  }
  return 'no error';
}

const SIZES = [1, 2, 3, 5, 7, 64, 1 << 20];

describe('the streaming JSON reader', () => {
  it('gives the top-level members, and the items of top-level arrays one at a time', () => {
    const text = '{"schema_version": "1", "flags": [{"id": "a"}, 2, [3]], "empty": [], "summary": {"n": [1]}}';
    for (const size of SIZES) {
      const cuts = Array.from({ length: Math.ceil(text.length / size) - 1 }, (_, i) => (i + 1) * size);
      expect(eventsOf(text, cuts), `chunks of ${size}`).toEqual([
        { type: 'object' },
        { type: 'member', key: 'schema_version', value: '1' },
        { type: 'start', key: 'flags' },
        { type: 'item', key: 'flags', value: { id: 'a' } },
        { type: 'item', key: 'flags', value: 2 },
        { type: 'item', key: 'flags', value: [3] },
        { type: 'end', key: 'flags' },
        { type: 'start', key: 'empty' },
        { type: 'end', key: 'empty' },
        { type: 'member', key: 'summary', value: { n: [1] } },
      ]);
    }
  });

  it('a text that is not an object is given whole', () => {
    for (const text of ['12', ' -0.5e+3 ', '[1, [2, {"a": []}]]', '"s"', 'true', 'false', 'null', '{}', '[]'])
      for (const size of SIZES) expect(parseInChunks(text, size), `${text} in chunks of ${size}`).toEqual(JSON.parse(text));
  });

  it('strings cut anywhere: inside escapes, \\u escapes, surrogate pairs written raw or escaped', () => {
    const text = JSON.stringify({ flags: ['a"b\\c/\b\f\n\r\t', 'é😀x', '\u0000\u001f', 'tab\there'], s: '\ud83d\ude00 \\u0041' }).replace('é', '\\u00e9');
    const raw = `{"pair": "\\ud83d\\ude00", "lone": "\\ud83d", "kept": "😀😀", "slash": "\\/"}`;
    for (const t of [text, raw]) for (const size of SIZES) expect(parseInChunks(t, size), `chunks of ${size}`).toEqual(JSON.parse(t));
  });

  it('numbers of every form, cut anywhere, read as JSON.parse reads them', () => {
    const text = '{"n": [0, -0, 1, -12, 3.25, -0.5, 1e5, 1E+5, 2.5e-3, 123456789012345678901234567890, 1.7976931348623157e308, 5e-324], "z": 0}';
    for (const size of SIZES) expect(parseInChunks(text, size)).toEqual(JSON.parse(text));
  });

  it('any JSON text, pretty or not, cut at any places, gives what JSON.parse gives', () => {
    fc.assert(
      fc.property(
        // Any code point in strings and names, astral ones (surrogate pairs, cut between their halves) too.
        fc.oneof(fc.dictionary(fc.string({ unit: 'binary' }), fc.jsonValue({ stringUnit: 'binary' })), fc.jsonValue({ stringUnit: 'binary' })),
        fc.constantFrom(undefined, 2, ' '),
        fc.array(fc.nat(), { maxLength: 8 }),
        (value, gap, cuts) => {
          const text = JSON.stringify(value, null, gap);
          const assembler = new JsonAssembler();
          for (const e of eventsOf(
            text,
            cuts.map((c) => c % (text.length + 1)),
          ))
            assembler.add(e);
          expect(assembler.value).toEqual(JSON.parse(text));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps a member named __proto__ as JSON.parse does, and the last of two members of one name', () => {
    const text = '{"__proto__": {"x": 1}, "a": [1], "a": [2, 3], "b": 1, "b": 2}';
    const value = parseInChunks(text, 3) as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(value).toEqual(JSON.parse(text));
    expect(Object.keys(value)).toEqual(['__proto__', 'a', 'b']);
  });

  it('skips a byte order mark at the start, and only there', () => {
    for (const size of SIZES) expect(parseInChunks('\ufeff{"a": 1}', size)).toEqual({ a: 1 });
    expect(failure('\ufeff{"a": 1}\ufeff')).toBe('line 1, column 9: more text after the end of the JSON value, found U+FEFF');
    expect(failure('\ufeff\ufeff{}')).toBe('line 1, column 1: expected a JSON value, found U+FEFF');
  });

  it('says where and why a text is not JSON, by line and column, wherever the chunks are cut', () => {
    const cases: [string, string][] = [
      ['', 'line 1, column 1: the file is empty'],
      ['scrutineer', "line 1, column 1: expected a JSON value, found 's'"],
      ['{', 'line 1, column 2: the text ends early, before the JSON value does'],
      ['{"flags": [1, 2', 'line 1, column 16: the text ends early, before the JSON value does'],
      ['{"a": "abc', 'line 1, column 11: the text ends early, inside a string'],
      ['{"a": "abc\\', 'line 1, column 12: the text ends early, inside a string'],
      ['{"a": "\\u12', 'line 1, column 12: the text ends early, inside a string'],
      ['{"a": tru', 'line 1, column 10: the text ends early, inside true, false or null'],
      ['{"a": 1.', 'line 1, column 9: the text ends early, before the JSON value does'],
      ['1.', 'line 1, column 3: the text ends early, before the JSON value does'],
      ['{"a":1,}', "line 1, column 8: expected a member name in double quotes, found '}'"],
      ["{'a': 1}", "line 1, column 2: expected a member name in double quotes or '}', found '''"],
      ['[1,]', "line 1, column 4: expected a JSON value, found ']'"],
      ['{"a" 1}', "line 1, column 6: expected ':' after a member name, found '1'"],
      ['{} x', "line 1, column 4: more text after the end of the JSON value, found 'x'"],
      ['{"a": 1 "b": 2}', "line 1, column 9: expected ',' or '}', found '\"'"],
      ['{\n  "a": [1,\n  2 3]\n}', "line 3, column 5: expected ',' or ']', found '3'"],
      ['{\r\n"a": 01}', 'line 2, column 7: a number may not start with 0 followed by digits'],
      ['[-]', "line 1, column 3: expected a digit after '-', found ']'"],
      ['[.5]', "line 1, column 2: expected a JSON value or ']', found '.'"],
      ['[+1]', "line 1, column 2: expected a JSON value or ']', found '+'"],
      ['[1.e5]', "line 1, column 4: expected a digit after '.', found 'e'"],
      ['[1e]', "line 1, column 4: expected a digit or a sign in an exponent, found ']'"],
      ['[1e-]', "line 1, column 5: expected a digit in an exponent, found ']'"],
      ['[NaN]', "line 1, column 2: expected a JSON value or ']', found 'N'"],
      ['[nul]', "line 1, column 5: expected 'null', found ']'"],
      ['["a\nb"]', 'line 1, column 4: a control character (U+000A) inside a string; write it as an escape'],
      ['["\\q"]', "line 1, column 4: a '\\' followed by 'q' is not an escape"],
      ['["\\u12g4"]', "line 1, column 7: expected a hex digit in a \\u escape, found 'g'"],
      ['\u0000', 'line 1, column 1: expected a JSON value, found U+0000'],
    ];
    for (const [text, message] of cases)
      for (const size of [1, 2, 3, 1000]) expect(failure(text, size), `${JSON.stringify(text)} in chunks of ${size}`).toBe(message);
  });
});

describe('reading a JSON file in chunks', () => {
  it('a real report, bytes cut anywhere (inside UTF-8 sequences too), read as JSON.parse reads it', async () => {
    const report = await auditJson([repoPath('fixtures/exports/canonical-notes.csv')], ['--mentions', '--timeline']);
    // Characters of one, two, three and four bytes, and a byte order mark.
    report.flags[0].message = `é € 😀 ${report.flags[0].message}`;
    const text = [...jsonPieces(report)].join('');
    const dir = mkdtempSync(join(tmpdir(), 'scrutineer-json-'));
    const path = join(dir, 'report.json');
    writeFileSync(path, `\ufeff${text}`);
    for (const bytes of [3, 7, 4096, 1 << 20]) expect(await readJsonFile(path, bytes), `${bytes} bytes at a time`).toEqual(JSON.parse(text));
    let items = 0;
    await readJsonEvents(path, (e) => void (e.type === 'item' && e.key === 'flags' && items++), 997);
    expect(items).toBe(report.flags.length);
  });

  it('bytes that are not UTF-8 read as U+FFFD, as reading the file as UTF-8 whole does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scrutineer-json-'));
    const path = join(dir, 'latin1.json');
    writeFileSync(path, Buffer.concat([Buffer.from('{"a": "caf'), Buffer.from([0xe9, 0xff]), Buffer.from('", "b": ["\u00e9"]}')]));
    for (const bytes of [1, 2, 100]) expect(await readJsonFile(path, bytes)).toEqual({ a: 'caf\ufffd\ufffd', b: ['é'] });
  });
});
