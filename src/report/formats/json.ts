import type { Report } from '../build-report.ts';

export function formatJson(report: Report): string {
  return JSON.stringify(report, null, 2) + '\n';
}

/** Array items rendered between two chunks of jsonChunks. */
const ITEMS_A_CHUNK = 256;

/**
 * formatJson's text in pieces, byte for byte: the top-level arrays (flags, histories, mentions)
 * item by item, so that a report with hundreds of thousands of flags, longer than the longest
 * string JavaScript can hold (about 512 M characters), can still be written, with a break for a
 * signal between the pieces.
 */
export function* jsonChunks(report: Report): Generator<string, void, void> {
  // What JSON.stringify writes of an object: its own enumerable keys, minus undefined and functions.
  const entries = Object.entries(report).filter(([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol');
  if (!entries.length) {
    yield '{}\n';
    return;
  }
  yield '{\n';
  for (const [i, [key, value]] of entries.entries()) {
    const comma = i < entries.length - 1 ? ',' : '';
    if (Array.isArray(value) && value.length) {
      yield `  ${JSON.stringify(key)}: [\n`;
      let piece = '';
      for (let j = 0; j < value.length; j++) {
        // An array keeps a place for what JSON cannot hold: null.
        piece += `${indented(JSON.stringify(value[j], null, 2) ?? 'null', '    ')}${j < value.length - 1 ? ',' : ''}\n`;
        if ((j + 1) % ITEMS_A_CHUNK === 0) {
          yield piece;
          piece = '';
        }
      }
      yield `${piece}  ]${comma}\n`;
    } else {
      yield `  ${JSON.stringify(key)}: ${indented(JSON.stringify(value, null, 2), '  ').slice(2)}${comma}\n`;
    }
  }
  yield '}\n';
}

/** Every line of `json` (which has no raw line break inside a string) indented by `pad`. */
function indented(json: string, pad: string): string {
  return pad + json.replace(/\n/g, `\n${pad}`);
}
