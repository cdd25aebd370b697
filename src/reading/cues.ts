import { termPattern } from '../text/terms.ts';
import { wholeWordAlternation } from '../text/alternatives.ts';
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
  /** Dates in any form: evidence in a mention's own statement when something links them to it (not from the sentences around it, where a date is often a heading). */
  dates?: string[];
  /** The writer's own observation ("I saw", "we found"): a dated one lends its evidence across a semicolon. */
  observations?: string[];
  /** Words that make a sentence's evidence point the other way (a negative test). */
  contrary?: string[];
  /** Words that say what was seen was unremarkable ("no issues", "went well"): such an account is no evidence for a label in the sentences after it. */
  unremarkable?: string[];
  /** Where one statement ends and another starts within a sentence ("but", "however"); semicolons always do. */
  boundaries?: string[];
  /** Where clauses meet inside a statement (", and the father…"): evidence and trailing cues do not cross them. */
  clause_breaks?: string[];
  /** Words that tie a dated account to a judgement in the same statement ("because", "when", "based on"). */
  evidence_links?: string[];
  /** Verbs of saying, believing and describing: what follows in their statement is their subject's account. */
  reporting?: string[];
  /** Courts and judges: a reporting verb with one as its subject is a finding (evidence), not an account. */
  courts?: string[];
  /** Speakers' labels at the start of a line of minutes ("Chair:", "DSL:"): what follows is their account. */
  speakers?: string[];
  /** The writer as a subject ("I", "we"): their reporting verbs are the writer's own judgement. */
  writer?: string[];
  /** Where the writer takes the voice back inside a report ("…, which shows…"). */
  voice_resets?: string[];
  /** Sentences about training, policy or research, or about people in general. */
  generic?: { policy_subjects?: string[]; subjects?: string[]; markers?: string[]; words?: string[]; naming?: string[] };
  /** A pointer back at an earlier use of a label and the evidence against it. */
  refuted?: { earlier?: string[]; against?: string[] };
  /** Nouns a label may attach to and still be about a person (see sense.ts): people, and what is personal to them. */
  sense?: { people?: string[]; personal?: string[] };
}

export const CUE_LIST_KEYS = [
  'terminators',
  'clause_reach',
  'pseudo',
  'adopted',
  'evidence',
  'evidence_nearby',
  'dates',
  'observations',
  'contrary',
  'unremarkable',
  'boundaries',
  'clause_breaks',
  'evidence_links',
  'reporting',
  'writer',
  'voice_resets',
  'courts',
  'speakers',
] as const;
export const DIRECTED_KEYS = ['negated', 'hypothetical', 'attributed'] as const;
/** Sections of named lists, joined list by list. */
export const GROUPED_KEYS = {
  generic: ['policy_subjects', 'subjects', 'markers', 'words', 'naming'],
  refuted: ['earlier', 'against'],
  sense: ['people', 'personal'],
} as const;

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
    for (const [group, names] of Object.entries(GROUPED_KEYS) as [keyof typeof GROUPED_KEYS, readonly string[]][]) {
      const lists = s[group] as Record<string, string[] | undefined> | undefined;
      if (!lists) continue;
      const merged = (out[group] ??= {}) as Record<string, string[]>;
      for (const name of names) if (lists[name]) merged[name] = [...(merged[name] ?? []), ...lists[name]!];
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
  for (const [group, names] of Object.entries(GROUPED_KEYS))
    for (const name of names) check((cues[group as keyof typeof GROUPED_KEYS] as Record<string, string[]> | undefined)?.[name], `${group}/${name}`);
  return problems;
}

/** A cue list compiled to one regex (whole words, any case), or null when empty. */
export function compileList(entries: string[] | undefined): RegExp | null {
  if (!entries?.length) return null;
  const sorted = [...entries].sort((a, b) => b.length - a.length);
  return wholeWordAlternation(sorted.map(cueSource));
}
