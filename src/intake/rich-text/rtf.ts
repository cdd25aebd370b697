import { Windows1252Decoder } from '../windows1252.ts';
import { tidy, TextBuilder } from './text-builder.ts';

/**
 * Destinations whose content is not body text: font, colour and style tables, document
 * information, pictures, embedded objects, headers and footers, field instructions, list
 * definitions. Any `{\*\…}` destination is dropped as well, as the RTF specification asks of
 * a reader that does not know it.
 */
const SKIPPED_DESTINATIONS = new Set([
  'fonttbl',
  'colortbl',
  'stylesheet',
  'info',
  'pict',
  'object',
  'objdata',
  'nonshppict',
  'shppict',
  'header',
  'headerl',
  'headerr',
  'headerf',
  'footer',
  'footerl',
  'footerr',
  'footerf',
  'footnote',
  'annotation',
  'fldinst',
  'listtable',
  'listoverridetable',
  'rsidtbl',
  'revtbl',
  'filetbl',
  'generator',
  'themedata',
  'colorschememapping',
  'latentstyles',
  'datastore',
  'xmlnstbl',
  'mmathPr',
  'pgdsctbl',
  'pn',
  'xe',
  'tc',
  'bkmkstart',
  'bkmkend',
  'userprops',
  'template',
  'wgrffmtfilter',
  'defchp',
  'defpap',
  'author',
  'operator',
  'title',
  'subject',
  'keywords',
  'comment',
  'doccomm',
  'company',
  'category',
  'hlinkbase',
  'fchars',
  'lchars',
  'pntxta',
  'pntxtb',
  'atnid',
  'atnauthor',
  'atrfstart',
  'atrfend',
  'sp',
  'shpinst',
]);

/** Control words that stand for a character or a break. */
const SYMBOLS: Record<string, string> = {
  emdash: '—',
  endash: '–',
  bullet: '•',
  lquote: '‘',
  rquote: '’',
  ldblquote: '“',
  rdblquote: '”',
  emspace: ' ',
  enspace: ' ',
  qmspace: ' ',
  zwj: '',
  zwnj: '',
  zwbo: '',
  zwnbo: '',
  ltrmark: '',
  rtlmark: '',
  tab: '\t',
};

interface GroupState {
  skip: boolean;
  /** Characters that stand in for each \uN (\ucN; 1 by default). */
  uc: number;
}

const cp1252 = new Windows1252Decoder();

function decoderFor(codePage: number): (bytes: Uint8Array) => string {
  if (codePage !== 1252) {
    try {
      const decoder = new TextDecoder(codePage === 65001 ? 'utf-8' : `windows-${codePage}`);
      return (bytes) => decoder.decode(bytes);
    } catch {
      // not a code page this Node knows: read it as Windows-1252 below
    }
  }
  return (bytes) => {
    try {
      return cp1252.decode(bytes);
    } catch {
      return [...bytes]
        .map((b) => {
          try {
            return cp1252.decode(Uint8Array.of(b));
          } catch {
            return '\ufffd';
          }
        })
        .join('');
    }
  };
}

/**
 * Converts RTF (WordPad, Word, the rich-text boxes of case-management systems) to plain text:
 * \par and \line become line breaks, \tab a tab, \cell " | ", \'hh bytes are read in the
 * document's ANSI code page (Windows-1252 unless \ansicpg says otherwise), \uN? escapes become
 * their character, and non-text destinations are dropped. Malformed input is read as far as it
 * goes; this never throws.
 */
export function rtfToText(rtf: string): string {
  const out = new TextBuilder();
  const stack: GroupState[] = [];
  let state: GroupState = { skip: false, uc: 1 };
  let decode = decoderFor(1252);
  let bytes: number[] = [];
  /** Fallback characters still to skip after a \uN. */
  let skipChars = 0;
  /** Whether the last token opened a group (so a control word here names its destination). */
  let groupStart = false;

  const flushBytes = () => {
    if (!bytes.length) return;
    const s = decode(Uint8Array.from(bytes));
    bytes = [];
    if (!state.skip) out.text(s, true);
  };
  const emit = (s: string) => {
    flushBytes();
    if (!state.skip) out.text(s, true);
  };

  let i = 0;
  const n = rtf.length;
  while (i < n) {
    const c = rtf[i];
    if (c === '{') {
      flushBytes();
      stack.push(state);
      state = { ...state };
      skipChars = 0;
      groupStart = true;
      i++;
      continue;
    }
    if (c === '}') {
      flushBytes();
      state = stack.pop() ?? state;
      skipChars = 0;
      groupStart = false;
      i++;
      continue;
    }
    const atGroupStart = groupStart;
    groupStart = false;
    if (c === '\r' || c === '\n') {
      i++;
      continue;
    }
    if (c !== '\\') {
      if (skipChars > 0) {
        skipChars--;
        i++;
        continue;
      }
      let end = i + 1;
      while (end < n && !'{}\\\r\n'.includes(rtf[end])) end++;
      emit(rtf.slice(i, end));
      i = end;
      continue;
    }
    // A control symbol or control word.
    const next = rtf[i + 1];
    if (next === undefined) break;
    if (next === "'") {
      const hex = rtf.slice(i + 2, i + 4);
      i += 4;
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) continue;
      if (skipChars > 0) {
        skipChars--;
        continue;
      }
      if (!state.skip) bytes.push(Number.parseInt(hex, 16));
      continue;
    }
    if (!/[A-Za-z]/.test(next)) {
      i += 2;
      if (skipChars > 0) {
        skipChars--;
        continue;
      }
      if (next === '\\' || next === '{' || next === '}') emit(next);
      else if (next === '~') emit(' ');
      else if (next === '_') emit('-');
      else if (next === '*') state.skip = true;
      else if (next === '\n' || next === '\r') {
        flushBytes();
        if (!state.skip) out.lineBreak();
      }
      // \- (optional hyphen), \| and \: (index entries) write nothing.
      continue;
    }
    const m = /^([A-Za-z]{1,32})(-?\d{1,10})? ?/.exec(rtf.slice(i + 1, i + 48))!;
    i += 1 + m[0].length;
    const word = m[1];
    const param = m[2] === undefined ? undefined : Number(m[2]);
    if (word === 'bin') {
      // Binary data: skip its bytes.
      i += Math.max(0, param ?? 0);
      continue;
    }
    if (word === 'u' && param !== undefined) {
      flushBytes();
      if (!state.skip) out.text(String.fromCharCode(param < 0 ? param + 65536 : param), true);
      skipChars = state.uc;
      continue;
    }
    if (word === 'uc') {
      state.uc = Math.max(0, param ?? 1);
      continue;
    }
    if (word === 'ansicpg' && param !== undefined) {
      flushBytes();
      decode = decoderFor(param);
      continue;
    }
    if (atGroupStart && SKIPPED_DESTINATIONS.has(word)) {
      flushBytes();
      state.skip = true;
      continue;
    }
    if (state.skip) continue;
    switch (word) {
      case 'par':
      case 'line':
        flushBytes();
        out.lineBreak();
        break;
      case 'sect':
      case 'page':
        flushBytes();
        out.block(2);
        break;
      case 'cell':
      case 'nestcell':
        flushBytes();
        out.cell();
        break;
      case 'row':
      case 'nestrow':
        flushBytes();
        out.endRow();
        out.lineBreak();
        break;
      default:
        if (Object.hasOwn(SYMBOLS, word)) emit(SYMBOLS[word]);
      // Formatting (\b, \fs24, \pard, \f0…) writes nothing.
    }
  }
  flushBytes();
  return tidy(out.toString());
}
