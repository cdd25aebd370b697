import { UserError } from '../model/errors.ts';
import { findInvalidUtf8 } from './utf8.ts';
import { findInvalidWindows1252, Windows1252Decoder } from './windows1252.ts';
import { LineStarts } from './line-starts.ts';

export const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'] as const;
export type Encoding = (typeof ENCODINGS)[number];

export interface EncodingInfo {
  encoding: Encoding;
  /** How the encoding was chosen. */
  detected_by: 'bom' | 'bytes' | 'option';
}

const SNIFF_BYTES = 64 * 1024;

/** Accepts the spellings people type for --encoding. */
export function normaliseEncodingName(name: string): Encoding {
  const key = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  const known: Record<string, Encoding> = {
    utf8: 'utf-8',
    utf16le: 'utf-16le',
    utf16: 'utf-16le',
    ucs2: 'utf-16le',
    unicode: 'utf-16le',
    utf16be: 'utf-16be',
    windows1252: 'windows-1252',
    cp1252: 'windows-1252',
    latin1: 'windows-1252',
    iso88591: 'windows-1252',
    ansi: 'windows-1252',
  };
  const enc = known[key];
  if (!enc) throw new UserError(`unknown encoding '${name}': use one of ${ENCODINGS.join(', ')}`);
  return enc;
}

/** Chooses the encoding of a file from its first bytes. Throws for files that are not text. */
export function sniffEncoding(sample: Uint8Array, path: string, isWholeFile: boolean): EncodingInfo {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { encoding: 'utf-8', detected_by: 'bom' };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf-16le', detected_by: 'bom' };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf-16be', detected_by: 'bom' };
  if (sample[0] === 0x50 && sample[1] === 0x4b && sample[2] === 0x03 && sample[3] === 0x04) {
    throw new UserError(`${path}: this is a ZIP file (an Excel .xlsx workbook?), not CSV; open it in Excel and save it as "CSV UTF-8"`);
  }
  const head = sample.subarray(0, 4096);
  let oddZeros = 0;
  let evenZeros = 0;
  let controls = 0;
  for (let i = 0; i < head.length; i++) {
    const b = head[i];
    if (b === 0) {
      if (i % 2) oddZeros++;
      else evenZeros++;
    } else if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) controls++;
  }
  const pairs = head.length / 2;
  if (pairs >= 2 && oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return { encoding: 'utf-16le', detected_by: 'bytes' };
  if (pairs >= 2 && evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return { encoding: 'utf-16be', detected_by: 'bytes' };
  if (oddZeros + evenZeros + controls > head.length * 0.1) {
    throw new UserError(`${path}: this looks like a binary file, not a CSV export (${oddZeros + evenZeros} NUL bytes in the first ${head.length})`);
  }
  const bad = findInvalidUtf8(sample, isWholeFile);
  return { encoding: bad === -1 ? 'utf-8' : 'windows-1252', detected_by: 'bytes' };
}

/**
 * Decodes a byte stream to text strictly (a byte that cannot be decoded is an error naming its
 * byte offset and line), with every line ending (CRLF, CR, LF) turned into LF.
 * `info` is filled in once the encoding is known; with `tracked`, `tracked.starts` then keeps where
 * each line starts in the bytes (line-starts.ts).
 */
export async function* decodeText(
  chunks: AsyncIterable<Uint8Array>,
  path: string,
  forced: Encoding | undefined,
  info: { value?: EncodingInfo },
  tracked?: { starts?: LineStarts },
): AsyncGenerator<string> {
  const iterator = chunks[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let headBytes = 0;
  let ended = false;
  while (headBytes < SNIFF_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    head.push(next.value);
    headBytes += next.value.length;
  }
  const first = Buffer.concat(head);
  info.value = forced ? { encoding: forced, detected_by: 'option' } : sniffEncoding(first.subarray(0, SNIFF_BYTES), path, ended && first.length <= SNIFF_BYTES);
  const encoding = info.value.encoding;
  const starts = tracked && (tracked.starts = new LineStarts(encoding.startsWith('utf-16') ? 2 : 1, encoding === 'utf-16be'));
  const decoder = encoding === 'windows-1252' ? new Windows1252Decoder() : new TextDecoder(encoding, { fatal: true });
  let offset = 0;
  let lines = 1;
  let pendingCr = false;

  const decodeChunk = (bytes: Uint8Array, final: boolean): string => {
    let text: string;
    try {
      text = decoder instanceof Windows1252Decoder ? decoder.decode(bytes) : decoder.decode(bytes, { stream: !final });
    } catch {
      throw undecodable(bytes, final);
    }
    offset += bytes.length;
    if (starts) {
      starts.scan(bytes);
      if (final) starts.finish();
    }
    if (pendingCr) text = '\r' + text;
    pendingCr = !final && text.endsWith('\r');
    if (pendingCr) text = text.slice(0, -1);
    if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
    return text;
  };

  const undecodable = (bytes: Uint8Array, final: boolean): UserError => {
    let index = encoding === 'utf-8' ? findInvalidUtf8(bytes, final) : encoding === 'windows-1252' ? findInvalidWindows1252(bytes) : 0;
    if (index < 0) index = 0;
    const prefix = new TextDecoder(encoding === 'windows-1252' ? 'latin1' : encoding).decode(bytes.subarray(0, index));
    const line = lines + (prefix.match(/\r\n|\r|\n/g)?.length ?? 0);
    const hint = encoding === 'utf-8' ? ' (if the file was saved by Excel on Windows, try --encoding windows-1252)' : '';
    return new UserError(
      `${path}: byte 0x${bytes[index]?.toString(16).padStart(2, '0') ?? '??'} at byte offset ${offset + index} (line ${line}) cannot be decoded as ${encoding}${hint}`,
    );
  };

  if (first.length) {
    const text = decodeChunk(first, ended);
    if (text) yield text;
  }
  while (!ended) {
    const next = await iterator.next();
    if (next.done) break;
    const text = decodeChunk(next.value, false);
    if (text) yield text;
  }
  const tail = decodeChunk(new Uint8Array(0), true);
  if (tail) yield tail;
}
