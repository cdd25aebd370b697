/**
 * A small template language for the prose bank:
 *   {a|b|c}  one of the alternatives, chosen at random (alternatives may be empty or nested);
 *   [name]   a variable of the record being written (the child's name, a pronoun, a date…);
 *   <name>   a fresh particular detail each time (an object, a place, what was for tea: words.ts).
 * Templates are compiled once into arrays of parts, so rendering is a walk with no parsing.
 */
import type { Rng } from './prng.ts';
import { PHRASES } from './words.ts';

/** The variables a template may use. The renderer is given their values in this order. */
export const VARS = [
  'child',
  'childFull',
  'age',
  'he',
  'him',
  'his',
  'He',
  'His',
  'himself',
  'boy',
  'son',
  'sib',
  'sibAge',
  'mother',
  'Mother',
  'mumFirst',
  'mumFull',
  'father',
  'Father',
  'dadFirst',
  'dadFull',
  'worker',
  'manager',
  'school',
  'teacher',
  'dsl',
  'hv',
  'gp',
  'iro',
  'officer',
  'street',
  'place',
  'date',
  'date2',
  'nextDate',
  'day',
  'time',
] as const;
export type Var = (typeof VARS)[number];
const VAR_INDEX = new Map<string, number>(VARS.map((v, i) => [v, i]));

/** Variables that exist only for some families. */
export const SIBLING_VARS = new Set<Var>(['sib', 'sibAge']);

type Phrase = (r: Rng) => string;
type Part = string | number | Part[][] | Phrase;

/** How many particular details (<name>) have been rendered: a measure of how specific a paragraph is. */
export const details = { count: 0 };

export interface Template {
  parts: Part[];
  /** Needs a sibling in the family. */
  needsSibling: boolean;
}

export function compile(source: string): Template {
  let i = 0;
  let needsSibling = false;
  const seq = (stop: string): Part[] => {
    const out: Part[] = [];
    let text = '';
    while (i < source.length && !stop.includes(source[i])) {
      const ch = source[i];
      if (ch === '{') {
        i++;
        const alts: Part[][] = [seq('|}')];
        while (source[i] === '|') {
          i++;
          alts.push(seq('|}'));
        }
        if (source[i] !== '}') throw new Error(`unclosed { in template: ${source}`);
        i++;
        if (text) out.push(text);
        text = '';
        out.push(alts);
      } else if (ch === '<') {
        const close = source.indexOf('>', i);
        const phrase = PHRASES[source.slice(i + 1, close)];
        if (!phrase) throw new Error(`unknown phrase <${source.slice(i + 1, close)}> in template: ${source}`);
        if (text) out.push(text);
        text = '';
        out.push(phrase);
        i = close + 1;
      } else if (ch === '[') {
        const close = source.indexOf(']', i);
        const name = source.slice(i + 1, close);
        const index = VAR_INDEX.get(name);
        if (index === undefined) throw new Error(`unknown variable [${name}] in template: ${source}`);
        if (SIBLING_VARS.has(name as Var)) needsSibling = true;
        if (text) out.push(text);
        text = '';
        out.push(index);
        i = close + 1;
      } else {
        text += ch;
        i++;
      }
    }
    if (text) out.push(text);
    return out;
  };
  const parts = seq('');
  return { parts, needsSibling };
}

export function render(t: Template, values: readonly string[], rng: Rng): string {
  return walk(t.parts, values, rng);
}

function walk(parts: Part[], values: readonly string[], rng: Rng): string {
  let out = '';
  for (const p of parts) {
    if (typeof p === 'string') out += p;
    else if (typeof p === 'number') out += values[p];
    else if (typeof p === 'function') {
      out += p(rng);
      details.count++;
    } else out += walk(p[rng.int(p.length)], values, rng);
  }
  return out;
}

/** A named group of compiled templates. */
export class Bank {
  readonly all: Template[];
  readonly withoutSibling: Template[];
  constructor(sources: readonly string[]) {
    this.all = sources.map(compile);
    this.withoutSibling = this.all.filter((t) => !t.needsSibling);
  }
  pick(rng: Rng, hasSibling: boolean): Template {
    const from = hasSibling ? this.all : this.withoutSibling;
    return from[rng.int(from.length)];
  }
}
