/**
 * JSON text in pieces of about 32 K characters, byte for byte what `JSON.stringify(value, null, gap)` gives followed by
 * a line break. An array or object too large to write at once is written member by member, at
 * any depth, so that a value whose text is longer than the longest string JavaScript can hold
 * (about 512 M characters) can be written, and no piece takes long to make or to turn into
 * bytes: a report of 505,000 flags cut only at its top-level arrays, 256 items a piece, made
 * pieces of 60 M characters (256 label histories) that held the main thread 1.9 s to render
 * and 2.7 s to encode. (A value with a toJSON method, such as a Date, is written whole.)
 */

/**
 * About how many characters a piece holds (a piece ends after the part that fills it): few
 * enough that the flat string made to encode it is small, and collected young.
 */
export const PIECE_CHARS = 1 << 15;

/** A value whose text is estimated at fewer characters than this is written with one JSON.stringify; a larger one member by member. */
const WHOLE_BELOW = 1 << 13;

/** `JSON.stringify(value, null, gap) + '\n'` in pieces of about PIECE_CHARS. */
export function* jsonPieces(value: unknown, gap = '  '): Generator<string, void, void> {
  const out = new Pieces();
  yield* writeValue(value, '', gap, out);
  out.add('\n');
  yield out.take();
}

/** Text gathered until a piece is full. */
class Pieces {
  private text = '';
  add(s: string): void {
    this.text += s;
  }
  get full(): boolean {
    return this.text.length >= PIECE_CHARS;
  }
  take(): string {
    const t = this.text;
    this.text = '';
    return t;
  }
}

/** Writes `value` as JSON.stringify(value, null, gap) would at indentation `indent`, yielding each full piece. */
function* writeValue(value: unknown, indent: string, gap: string, out: Pieces): Generator<string, void, void> {
  const whole = wholeText(value, gap);
  if (whole !== LARGE) {
    // What JSON cannot hold (undefined, a function) is null in an array; object members holding it are left out before this.
    out.add(indented(whole ?? 'null', indent));
    if (out.full) yield out.take();
    return;
  }
  const inner = `${indent}${gap}`;
  if (Array.isArray(value)) {
    out.add('[\n');
    for (let i = 0; i < value.length; i++) {
      if (i) out.add(',\n');
      out.add(inner);
      yield* writeValue(value[i], inner, gap, out);
    }
    out.add(`\n${indent}]`);
    return;
  }
  let first = true;
  for (const key of Object.keys(value as object)) {
    const v = (value as Record<string, unknown>)[key];
    const text = wholeText(v, gap);
    if (text === undefined) continue;
    out.add(`${first ? '{\n' : ',\n'}${inner}${JSON.stringify(key)}: `);
    first = false;
    if (text === LARGE) yield* writeValue(v, inner, gap, out);
    else {
      out.add(indented(text, inner));
      if (out.full) yield out.take();
    }
  }
  out.add(first ? '{}' : `\n${indent}}`);
}

const LARGE = Symbol('large');

/** JSON.stringify(value, null, gap) (undefined for what JSON leaves out), or LARGE for a container to write member by member. */
function wholeText(value: unknown, gap: string): string | undefined | typeof LARGE {
  if (isContainer(value) && !smallerThan(value, WHOLE_BELOW)) return LARGE;
  return JSON.stringify(value, null, gap);
}

/** A plain array or object, written member by member; anything with a toJSON (a Date) is written as JSON.stringify writes it. */
function isContainer(value: unknown): value is object {
  if (!value || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.length > 0;
  return typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

/** Whether the JSON text of `value` is (roughly) shorter than `budget` characters: looks at no more of it than that. */
function smallerThan(value: unknown, budget: number): boolean {
  const stack: unknown[] = [value];
  let left = budget;
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === 'string') left -= v.length + 2;
    else if (v && typeof v === 'object') {
      if (Array.isArray(v)) {
        left -= 4 + v.length;
        if (left < 0) return false;
        for (const item of v) stack.push(item);
      } else {
        for (const key of Object.keys(v)) {
          left -= key.length + 6;
          stack.push((v as Record<string, unknown>)[key]);
        }
      }
    } else left -= 8;
    if (left < 0) return false;
  }
  return true;
}

/** Every line of `json` (which has no raw line break inside a string) indented by `pad`, but the first. */
function indented(json: string, pad: string): string {
  return pad ? json.replace(/\n/g, `\n${pad}`) : json;
}
