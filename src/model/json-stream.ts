import { open } from 'node:fs/promises';

/**
 * A JSON report read back in chunks, of any size. A report is written in pieces
 * (json-pieces.ts) and can be longer than the longest string JavaScript can hold (about 512 M
 * characters; a report of about 370,000 flags), so it cannot be read with one `JSON.parse`.
 * This reader takes the text a chunk at a time, checks it against JSON's grammar as it goes
 * (saying where it is wrong, by line and column), and gives the top-level object's members one
 * at a time: a member whose value is an array item by item, any other member whole. Each item
 * or member is turned into a value by `JSON.parse` of its own text, so the values are exactly
 * what `JSON.parse` of the whole file would hold, and what is kept at once is one item's text.
 */

/** What the reader finds, in the order of the text. */
export type JsonEvent =
  /** The text is an object: its members follow. */
  | { type: 'object' }
  /** A top-level member whose value is not an array. */
  | { type: 'member'; key: string; value: unknown }
  /** A top-level member whose value is an array: its items follow, then `end`. */
  | { type: 'start'; key: string }
  | { type: 'item'; key: string; value: unknown }
  | { type: 'end'; key: string }
  /** The whole text, when its value is not an object. */
  | { type: 'whole'; value: unknown };

/** Where and why a text is not JSON. */
export class JsonSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    readonly what: string,
  ) {
    super(`line ${line}, column ${column}: ${what}`);
    this.name = 'JsonSyntaxError';
  }
}

/** One value (an item of a top-level array, or a member) is itself longer than the longest string, so it cannot be read. */
export class JsonValueTooLarge extends Error {
  constructor() {
    super('one value in it is longer than about 512 M characters');
    this.name = 'JsonValueTooLarge';
  }
}

// Where the reader stands.
const VALUE = 0; // a value must come (at the start, after ':' or after ',' in an array)
const VALUE_OR_CLOSE = 1; // after '[': a value or ']'
const KEY = 2; // after ',' in an object: a key
const KEY_OR_CLOSE = 3; // after '{': a key or '}'
const COLON = 4;
const AFTER = 5; // after a value: ',' or the close of its container; at the top, only white space
const STRING = 6;
const ESCAPE = 7; // after '\' in a string
const HEX = 8; // in the four hex digits of a \u escape
const MINUS = 9; // after a number's '-': a digit must come
const ZERO = 10; // a number's leading 0
const INT = 11;
const DOT = 12; // after '.': a digit must come
const FRAC = 13;
const EXP = 14; // after 'e': a sign or a digit
const EXP_SIGN = 15; // after the exponent's sign: a digit must come
const EXP_DIGITS = 16;
const LITERAL = 17; // inside true, false or null

const OBJECT = 1;
const ARRAY = 2;

/** What is expected where the reader stands, for a message. */
const EXPECTED: Record<number, string> = {
  [VALUE]: 'expected a JSON value',
  [VALUE_OR_CLOSE]: "expected a JSON value or ']'",
  [KEY]: 'expected a member name in double quotes',
  [KEY_OR_CLOSE]: "expected a member name in double quotes or '}'",
  [COLON]: "expected ':' after a member name",
  [MINUS]: "expected a digit after '-'",
  [DOT]: "expected a digit after '.'",
  [EXP]: 'expected a digit or a sign in an exponent',
  [EXP_SIGN]: 'expected a digit in an exponent',
};

/** Where the text ends early, for a message. */
const ENDS_IN: Record<number, string> = {
  [STRING]: 'inside a string',
  [ESCAPE]: 'inside a string',
  [HEX]: 'inside a string',
  [LITERAL]: 'inside true, false or null',
};

const isDigit = (c: number) => c >= 48 && c <= 57;
const isHex = (c: number) => isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

/** A character for a message: itself in quotes when it can be seen, else its code point. */
function describeChar(c: number): string {
  if (c < 32 || c === 127 || (c >= 0xd800 && c <= 0xdfff) || c === 0xfeff) return `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
  return `'${String.fromCharCode(c)}'`;
}

/**
 * Takes a JSON text in chunks (`push`, then `end`) and gives, for each chunk, the events whose
 * text ended in it. Chunks may be cut anywhere: inside a string, an escape, a number or a
 * surrogate pair. A byte order mark at the start is skipped.
 */
export class JsonTopLevelReader {
  private state = VALUE;
  /** The open containers, outermost first. */
  private readonly stack: number[] = [];
  private started = false;
  private finished = false;
  private isKey = false;
  private hexLeft = 0;
  private literal = '';
  private literalAt = 0;
  /** The top-level member being read. */
  private key = '';
  /** The text being gathered (a top-level key, member or item): its earlier chunks' parts and where it starts in this chunk; -1 when none. */
  private captureStart = -1;
  private captureLevel = -1;
  private captureIsKey = false;
  private parts: string[] = [];
  private chunk = '';
  private events: JsonEvent[] = [];
  // Position, for messages: characters, line breaks and where the last line began, before this chunk.
  private offset = 0;
  private lines = 0;
  private lineStart = 0;

  /** Reads a chunk; returns what ended in it. Throws JsonSyntaxError where the text stops being JSON. */
  push(text: string): JsonEvent[] {
    if (this.finished) throw new Error('push after end');
    this.chunk = text;
    this.events = [];
    let i = 0;
    if (!this.started && text.length) {
      this.started = true;
      // Skipped, and not counted in the first line's columns.
      if (text.charCodeAt(0) === 0xfeff) i = this.lineStart = 1;
    }
    if (this.captureStart !== -1) this.captureStart = 0;
    this.scan(i);
    if (this.captureStart !== -1) {
      this.parts.push(text.slice(this.captureStart));
      this.captureStart = 0;
    }
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) {
      this.lines++;
      this.lineStart = this.offset + at + 1;
    }
    this.offset += text.length;
    this.chunk = '';
    return this.events;
  }

  /** The text has ended: returns what ended with it, or throws JsonSyntaxError if the JSON value has not. */
  end(): JsonEvent[] {
    this.finished = true;
    this.chunk = '';
    this.events = [];
    if (this.captureStart !== -1) this.captureStart = 0;
    const s = this.state;
    if (this.stack.length === 0 && (s === ZERO || s === INT || s === FRAC || s === EXP_DIGITS)) this.valueDone(0);
    else if (!(this.stack.length === 0 && this.state === AFTER)) {
      if (!this.started) throw this.error(0, 'the file is empty');
      throw this.error(0, `the text ends early, ${ENDS_IN[s] ?? 'before the JSON value does'}`);
    }
    return this.events;
  }

  private scan(from: number): void {
    const text = this.chunk;
    const n = text.length;
    const stack = this.stack;
    let state = this.state;
    let i = from;
    while (i < n) {
      const c = text.charCodeAt(i);
      switch (state) {
        case STRING: {
          // The common case: a run of plain characters.
          let j = i;
          let d = c;
          while (d !== 34 && d !== 92 && d >= 32) {
            if (++j === n) break;
            d = text.charCodeAt(j);
          }
          if (j === n) {
            i = n;
            break;
          }
          if (d === 34) {
            i = j + 1;
            state = this.isKey ? this.keyDone(i) : this.valueDone(i);
          } else if (d === 92) {
            state = ESCAPE;
            i = j + 1;
          } else throw this.error(j, `a control character (${describeChar(d)}) inside a string; write it as an escape`);
          break;
        }
        case ESCAPE:
          if (c === 117) {
            state = HEX;
            this.hexLeft = 4;
          } else if (c === 34 || c === 92 || c === 47 || c === 98 || c === 102 || c === 110 || c === 114 || c === 116) state = STRING;
          else throw this.error(i, `a '\\' followed by ${describeChar(c)} is not an escape`);
          i++;
          break;
        case HEX:
          if (!isHex(c)) throw this.error(i, `expected a hex digit in a \\u escape, found ${describeChar(c)}`);
          if (--this.hexLeft === 0) state = STRING;
          i++;
          break;
        case VALUE:
        case VALUE_OR_CLOSE:
          if (isSpace(c)) {
            i++;
            break;
          }
          if (c === 93 && state === VALUE_OR_CLOSE) {
            i++;
            state = this.close(ARRAY, i);
            break;
          }
          state = this.beginValue(c, i, state);
          i++;
          break;
        case KEY:
        case KEY_OR_CLOSE:
          if (isSpace(c)) {
            i++;
            break;
          }
          if (c === 125 && state === KEY_OR_CLOSE) {
            i++;
            state = this.close(OBJECT, i);
            break;
          }
          if (c !== 34) throw this.error(i, `${EXPECTED[state]}, found ${describeChar(c)}`);
          this.isKey = true;
          if (stack.length === 1 && stack[0] === OBJECT) this.beginCapture(i, true);
          state = STRING;
          i++;
          break;
        case COLON:
          if (isSpace(c)) {
            i++;
            break;
          }
          if (c !== 58) throw this.error(i, `${EXPECTED[COLON]}, found ${describeChar(c)}`);
          state = VALUE;
          i++;
          break;
        case AFTER: {
          if (isSpace(c)) {
            i++;
            break;
          }
          const top = stack.length ? stack[stack.length - 1] : 0;
          if (top === OBJECT && c === 44) state = KEY;
          else if (top === ARRAY && c === 44) state = VALUE;
          else if (top === OBJECT && c === 125) {
            state = this.close(OBJECT, i + 1);
          } else if (top === ARRAY && c === 93) {
            state = this.close(ARRAY, i + 1);
          } else if (top === 0) throw this.error(i, `more text after the end of the JSON value, found ${describeChar(c)}`);
          else throw this.error(i, `expected ',' or '${top === OBJECT ? '}' : ']'}', found ${describeChar(c)}`);
          i++;
          break;
        }
        case MINUS:
          if (c === 48) state = ZERO;
          else if (isDigit(c)) state = INT;
          else throw this.error(i, `${EXPECTED[MINUS]}, found ${describeChar(c)}`);
          i++;
          break;
        case ZERO:
        case INT:
          if (state === INT && isDigit(c)) i++;
          else if (c === 46) {
            state = DOT;
            i++;
          } else if (c === 101 || c === 69) {
            state = EXP;
            i++;
          } else if (isDigit(c)) throw this.error(i, 'a number may not start with 0 followed by digits');
          else state = this.valueDone(i);
          break;
        case DOT:
          if (!isDigit(c)) throw this.error(i, `${EXPECTED[DOT]}, found ${describeChar(c)}`);
          state = FRAC;
          i++;
          break;
        case FRAC:
          if (isDigit(c)) i++;
          else if (c === 101 || c === 69) {
            state = EXP;
            i++;
          } else state = this.valueDone(i);
          break;
        case EXP:
          if (c === 43 || c === 45) state = EXP_SIGN;
          else if (isDigit(c)) state = EXP_DIGITS;
          else throw this.error(i, `${EXPECTED[EXP]}, found ${describeChar(c)}`);
          i++;
          break;
        case EXP_SIGN:
          if (!isDigit(c)) throw this.error(i, `${EXPECTED[EXP_SIGN]}, found ${describeChar(c)}`);
          state = EXP_DIGITS;
          i++;
          break;
        case EXP_DIGITS:
          if (isDigit(c)) i++;
          else state = this.valueDone(i);
          break;
        case LITERAL:
          if (c !== this.literal.charCodeAt(this.literalAt)) throw this.error(i, `expected '${this.literal}', found ${describeChar(c)}`);
          i++;
          if (++this.literalAt === this.literal.length) state = this.valueDone(i);
          break;
      }
    }
    this.state = state;
  }

  /** A value begins with `c` at `i`, where `state` expects one: returns the state after it. */
  private beginValue(c: number, i: number, state: number): number {
    const stack = this.stack;
    const level = stack.length;
    if (this.captureStart === -1) {
      // The top value, unless an object; a top-level member's value, unless an array; an item of a top-level member's array.
      if ((level === 0 && c !== 123) || (level === 1 && stack[0] === OBJECT && c !== 91) || (level === 2 && stack[0] === OBJECT)) this.beginCapture(i, false);
    }
    switch (c) {
      case 123:
        stack.push(OBJECT);
        if (level === 0) this.events.push({ type: 'object' });
        return KEY_OR_CLOSE;
      case 91:
        stack.push(ARRAY);
        if (this.captureStart === -1 && level === 1 && stack[0] === OBJECT) this.events.push({ type: 'start', key: this.key });
        return VALUE_OR_CLOSE;
      case 34:
        this.isKey = false;
        return STRING;
      case 45:
        return MINUS;
      case 48:
        return ZERO;
      case 116:
      case 102:
      case 110:
        this.literal = c === 116 ? 'true' : c === 102 ? 'false' : 'null';
        this.literalAt = 1;
        return LITERAL;
      default:
        if (isDigit(c)) return INT;
        throw this.error(i, `${EXPECTED[state]}, found ${describeChar(c)}`);
    }
  }

  /** The container `kind` closes, its text ending before `end`: returns the state after it. */
  private close(kind: number, end: number): number {
    const stack = this.stack;
    stack.pop();
    if (kind === ARRAY && this.captureStart === -1 && stack.length === 1 && stack[0] === OBJECT) this.events.push({ type: 'end', key: this.key });
    return this.valueDone(end);
  }

  private beginCapture(i: number, isKey: boolean): void {
    this.captureStart = i;
    this.captureLevel = this.stack.length;
    this.captureIsKey = isKey;
  }

  /** The text gathered since beginCapture, to `end` in this chunk. */
  private captured(end: number): string {
    const last = this.chunk.slice(this.captureStart, end);
    const parts = this.parts;
    this.captureStart = -1;
    this.captureLevel = -1;
    if (!parts.length) return last;
    parts.push(last);
    this.parts = [];
    try {
      return parts.join('');
    } catch (err) {
      if (err instanceof RangeError) throw new JsonValueTooLarge();
      throw err;
    }
  }

  /** A member name ended before `end`. */
  private keyDone(end: number): number {
    if (this.captureStart !== -1 && this.captureIsKey) this.key = JSON.parse(this.captured(end));
    return COLON;
  }

  /** A value ended before `end`: gives it if it was being gathered; returns the state after it. */
  private valueDone(end: number): number {
    const level = this.stack.length;
    if (this.captureStart !== -1 && !this.captureIsKey && this.captureLevel === level) {
      let value: unknown;
      try {
        value = JSON.parse(this.captured(end));
      } catch (err) {
        // The grammar was checked on the way, so only a string too long for the engine gets here.
        if (err instanceof RangeError) throw new JsonValueTooLarge();
        throw err;
      }
      if (level === 0) this.events.push({ type: 'whole', value });
      else if (level === 1) this.events.push({ type: 'member', key: this.key, value });
      else this.events.push({ type: 'item', key: this.key, value });
    }
    return AFTER;
  }

  /** A JsonSyntaxError at `i` in this chunk. */
  private error(i: number, what: string): JsonSyntaxError {
    let line = this.lines + 1;
    let lineStart = this.lineStart;
    const text = this.chunk;
    for (let at = text.indexOf('\n'); at !== -1 && at < i; at = text.indexOf('\n', at + 1)) {
      line++;
      lineStart = this.offset + at + 1;
    }
    this.finished = true;
    return new JsonSyntaxError(line, this.offset + i - lineStart + 1, what);
  }
}

/** Bytes read at a time. */
export const READ_BYTES = 1 << 20;

/**
 * Reads the JSON file at `path` a chunk of bytes at a time (UTF-8; a byte order mark is
 * skipped, bytes that are not UTF-8 read as U+FFFD, as `readFileSync(path, 'utf8')` reads
 * them), calling `onEvent` for each member or item as it ends. The main thread is free while
 * each chunk is read. Throws the system's error for a file it cannot read, JsonSyntaxError for
 * text that is not JSON, and JsonValueTooLarge for a value too long to hold.
 */
export async function readJsonEvents(path: string, onEvent: (event: JsonEvent) => void, chunkBytes = READ_BYTES): Promise<void> {
  const file = await open(path, 'r');
  try {
    const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
    const reader = new JsonTopLevelReader();
    const buffer = Buffer.allocUnsafe(chunkBytes);
    for (;;) {
      const { bytesRead } = await file.read(buffer, 0, chunkBytes, null);
      if (!bytesRead) break;
      for (const event of reader.push(decoder.decode(buffer.subarray(0, bytesRead), { stream: true }))) onEvent(event);
    }
    const rest = decoder.decode();
    if (rest) for (const event of reader.push(rest)) onEvent(event);
    for (const event of reader.end()) onEvent(event);
  } finally {
    await file.close();
  }
}

/** The value a JSON text holds, put together from its events: what `JSON.parse` of the whole text gives. */
export class JsonAssembler {
  private top: Record<string, unknown> | undefined;
  private whole: unknown;
  private items: unknown[] = [];

  add(event: JsonEvent): void {
    if (event.type === 'whole') {
      this.whole = event.value;
      return;
    }
    if (event.type === 'object') this.top = {};
    else if (event.type === 'member') own(this.top!, event.key, event.value);
    else if (event.type === 'start') {
      this.items = [];
      own(this.top!, event.key, this.items);
    } else if (event.type === 'item') this.items.push(event.value);
  }

  get value(): unknown {
    return this.top ?? this.whole;
  }
}

/** Sets an own property as JSON.parse does, even one named __proto__. */
function own(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

/** The value of the JSON file at `path`, read in chunks (readJsonEvents): any size, as long as no one top-level member or item is longer than a string can be. */
export async function readJsonFile(path: string, chunkBytes = READ_BYTES): Promise<unknown> {
  const assembler = new JsonAssembler();
  await readJsonEvents(path, (e) => assembler.add(e), chunkBytes);
  return assembler.value;
}
