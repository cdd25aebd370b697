import { compileNeed, holds, literals } from './alternatives.ts';
import { requiredLiterals, type Need } from './required-literals.ts';

/** Whether a text could hold a match: false only when it holds none of the literals a match needs. */
export interface Gate {
  admits(text: string): boolean;
}

const ALWAYS: Gate = { admits: () => true };
const NEVER: Gate = { admits: () => false };

/**
 * The literals every check of a run needs, read from each record once. Checks ask for a gate
 * per regular expression when they are created; a record's text is lower-cased and scanned once
 * for all the gates of all checks, in the same pass as the alternations' literals
 * (alternatives.ts; the last few texts scanned are kept, so the second and later checks reading
 * the same record pay nothing).
 */
export class TextGates {
  /** With `enabled` false every gate admits every text (to measure the gates, or to test them). */
  constructor(private readonly enabled = true) {}

  /** A gate for a regular expression: it admits every text the regex could match (none for no regex). */
  forRegex(regex: RegExp | null): Gate {
    return this.forSource(regex?.source ?? null);
  }

  /** A gate for a regex given by its source (one that is never run, so never made). */
  forSource(source: string | null): Gate {
    return source !== null ? this.forNeed(requiredLiterals(source)) : this.enabled ? NEVER : ALWAYS;
  }

  /** A gate that admits a text whose literals satisfy `need`; null admits every text. */
  private forNeed(need: Need): Gate {
    if (need === null || !this.enabled) return ALWAYS;
    const test = this.compile(need);
    // Most texts hold none of a formula's literals: a flat look at a few that cover every way
    // of satisfying it settles them before the formula is walked.
    const cover = Int32Array.from(this.cover(need), (l) => literals.idOf(foldCase(l)));
    const covered = () => {
      const { mark, stamp } = literals;
      for (let k = 0; k < cover.length; k++) if (mark[cover[k]] === stamp) return true;
      return false;
    };
    return {
      admits: (text) => {
        literals.read(text);
        return covered() && test();
      },
    };
  }

  /** Literals at least one of which any text satisfying `need` holds (for `all`, those of its most selective part). */
  private cover(need: Exclude<Need, null>): string[] {
    if (typeof need === 'string') return [need];
    if ('any' in need) {
      const out = new Set<string>();
      for (const part of need.any) for (const literal of this.cover(part!)) out.add(literal);
      return [...out];
    }
    // The first of the most selective parts (each part's selectivity worked out once).
    let best: string[] = [];
    let bestSelectivity = 0;
    need.all.forEach((part, k) => {
      const literals = this.cover(part!);
      const s = selectivity(literals);
      if (k === 0 || s > bestSelectivity) {
        best = literals;
        bestSelectivity = s;
      }
    });
    return best;
  }

  /** `need` as a test of the text last read (a flat program: see compileNeed in alternatives.ts). */
  private compile(need: Exclude<Need, null>): () => boolean {
    const code = compileNeed(need)!;
    return () => holds(code, 0, literals.mark, literals.stamp);
  }
}

/** How rarely a list of literals is likely to be met: its shortest literal's length, less for a long list. */
function selectivity(literals: string[]): number {
  let shortest = Infinity;
  for (const l of literals) if (l.length < shortest) shortest = l.length;
  return shortest - Math.log2(literals.length);
}

/**
 * Text compared as a case-insensitive Unicode regex compares it, near enough: lower case, with
 * the one common letter whose regex case folding lower-casing misses (long s, ſ ~ s).
 */
function foldCase(text: string): string {
  const lower = text.toLowerCase();
  return lower.includes('ſ') ? lower.replaceAll('ſ', 's') : lower;
}

const perRun = new WeakMap<object, TextGates>();

/** The gates shared by every check created with the same environment (one run); `prefilter: false` turns them off. */
export function textGates(env: { prefilter?: boolean }): TextGates {
  let gates = perRun.get(env);
  if (!gates) perRun.set(env, (gates = new TextGates(env.prefilter !== false)));
  return gates;
}
