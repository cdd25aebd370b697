import { termPattern } from '../text/terms.ts';
import { unsafePatternReason } from '../text/safe-regex.ts';

/**
 * The assertion engine's data: which words around a label mention change what the writer is
 * saying. Every list is a set of terms (matched as whole words, any case, any spacing) or
 * regular expressions written between slashes (/PC [A-Z][a-z]+/).
 */
export interface CueLists {
  /** How many words a trigger before the mention reaches. */
  window_before?: number;
  /** How many words a trigger after the mention reaches. */
  window_after?: number;
  /** Words that end a trigger's reach ("but", "however"). */
  terminators?: string[];
  /** Single-word triggers that reach their whole clause, as phrases do ("whether", "unless"). */
  clause_reach?: string[];
  /** Look like triggers but are not ("not only", "no doubt"): masked before triggers are read. */
  pseudo?: string[];
  negated?: { before?: string[]; after?: string[] };
  hypothetical?: { before?: string[]; after?: string[] };
  attributed?: { before?: string[]; after?: string[] };
  /** The writer takes another person's claim as their own ("I agree"). */
  adopted?: string[];
  /** A cited source: a report, a test result, a dated incident, observed behaviour. */
  evidence?: string[];
  /** A dated account of events: evidence when it stands in a neighbouring sentence only. */
  evidence_nearby?: string[];
  /** Words that make a sentence's evidence point the other way (a negative test). */
  contrary?: string[];
}

export const CUE_LIST_KEYS = ['terminators', 'clause_reach', 'pseudo', 'adopted', 'evidence', 'evidence_nearby', 'contrary'] as const;
export const DIRECTED_KEYS = ['negated', 'hypothetical', 'attributed'] as const;

/** Merges cue sections from several packs: lists are joined, later windows win. */
export function mergeCues(sections: CueLists[]): CueLists {
  const out: CueLists = {};
  for (const s of sections) {
    if (s.window_before !== undefined) out.window_before = s.window_before;
    if (s.window_after !== undefined) out.window_after = s.window_after;
    for (const key of CUE_LIST_KEYS) if (s[key]) out[key] = [...(out[key] ?? []), ...s[key]!];
    for (const key of DIRECTED_KEYS) {
      for (const dir of ['before', 'after'] as const) {
        const list = s[key]?.[dir];
        if (list) out[key] = { ...out[key], [dir]: [...(out[key]?.[dir] ?? []), ...list] };
      }
    }
  }
  return out;
}

/** One cue entry as regex source: /regex/ as written, anything else as a literal term. */
export function cueSource(entry: string): string {
  const m = /^\/(.+)\/$/.exec(entry);
  return m ? m[1] : termPattern(entry);
}

/** Problems with cue entries (invalid or catastrophic regular expressions), keyed by list. */
export function cueProblems(cues: CueLists): { key: string; message: string }[] {
  const problems: { key: string; message: string }[] = [];
  const check = (entries: string[] | undefined, key: string) =>
    entries?.forEach((entry, i) => {
      const m = /^\/(.+)\/$/.exec(entry);
      if (!m) return;
      try {
        new RegExp(m[1], 'iu');
      } catch (err) {
        problems.push({ key: `${key}/${i}`, message: `not a valid regular expression: ${(err as Error).message}` });
        return;
      }
      const unsafe = unsafePatternReason(m[1]);
      if (unsafe) problems.push({ key: `${key}/${i}`, message: `pattern refused: ${unsafe}` });
    });
  for (const key of CUE_LIST_KEYS) check(cues[key], key);
  for (const key of DIRECTED_KEYS) for (const dir of ['before', 'after'] as const) check(cues[key]?.[dir], `${key}/${dir}`);
  return problems;
}

/** A cue list compiled to one regex (whole words, any case), or null when empty. */
export function compileList(entries: string[] | undefined): RegExp | null {
  if (!entries?.length) return null;
  const sorted = [...entries].sort((a, b) => b.length - a.length);
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${sorted.map(cueSource).join('|')})(?![\\p{L}\\p{N}_])`, 'giu');
}
