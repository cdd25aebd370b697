import { samePerson, type NameBook, type Person } from '../../reading/people.ts';
import type { StalenessRole, StalenessTimeline } from '../../model/sections.ts';

/** What a statement does in a staleness rule's chronology. */
export type Role = StalenessRole;

/** One statement of one rule found in one record, kept until the end of the run. */
export interface Found {
  role: Role;
  record_id: string;
  record_date: string;
  recorded_at: string | null;
  /** Offsets of the flagged words in the record (for a claim: its clause). */
  start: number;
  end: number;
  /**
   * The matched words, shortened (for the timeline), and what a message quotes: a claim's
   * clause, or an event's sentence. Absent for a statement whose record is kept by its place
   * (`shelved`): they are read again from the record for the few statements shown (issue #18).
   */
  words?: string;
  quote?: string;
  /** An event's or reversal's sentence in the shelved record, when `quote` is absent (a claim's quote is its clause, start–end). */
  quoteAt?: { start: number; end: number };
  /** Who the statement is about, for `same_person` rules (null: not known). */
  person: Person | null;
  /** For claims: where the claim's sentence starts in the record (one finding per sentence). */
  sentenceStart?: number;
  /** For rules about the child: which child (a given name, lower-cased): the claim's own subject, else the record's child. */
  child?: string;
  /** For `same` rules: the entry of each named word list the statement names (null: none). */
  entries: Record<string, string | null>;
  /**
   * For `same` rules: every entry of each list the statement names, in its words or, when they
   * name none, in its sentence (an event) or clause (a claim): "negative for cocaine and cannabis".
   */
  entrySets?: Record<string, string[]>;
  /** For reversals and claims: the latest date its line states, if any ("In March 2023 an order was made"). */
  stated?: string;
  /**
   * The record's number on the check's shelf (model/record-shelf.ts): for a claim, to read its
   * status and build the flag; for any statement without `words` and `quote`, to read them.
   */
  shelved?: number;
  /** A claim's matched words in the record, whose status is read only when it could be stale (and its `words`). */
  match?: { start: number; end: number };
}

/** Records in time order: record_date, then recorded_at, then record_id. */
export function compareFound(a: Found, b: Found): number {
  return a.record_date.localeCompare(b.record_date) || (a.recorded_at ?? '').localeCompare(b.recorded_at ?? '') || a.record_id.localeCompare(b.record_id);
}

/** Two statements can be about the same thing: the same person and the same word-list entries, where both are known. */
export function compatible(a: Found, b: Found, names?: NameBook): boolean {
  if (!samePerson(a.person, b.person, names)) return false;
  // Siblings: a claim about another child of the family is not about the child the event concerns.
  if (a.child && b.child && !(names ? names.same(a.child, b.child) : a.child === b.child)) return false;
  return Object.keys(a.entries).every((k) => {
    const x = a.entrySets?.[k] ?? (a.entries[k] ? [a.entries[k]!] : []);
    const y = b.entrySets?.[k] ?? (b.entries[k] ? [b.entries[k]!] : []);
    return !x.length || !y.length || x.some((e) => y.includes(e));
  });
}

/** A claim that an earlier event has made out of date, and the earliest such event. */
export interface StaleClaim {
  claim: Found;
  event: Found;
}

/**
 * Pairs one rule's statements in one case. A claim is out of date when a compatible event comes
 * before it (in record order) with no compatible reversal between them or in the claim's own
 * record. A record that documents the event itself is not read for claims (see the kind).
 */
export function staleClaims(found: Found[], names?: NameBook): StaleClaim[] {
  const sorted = [...found].sort(compareFound);
  const byRecord = new Map<string, StaleClaim>();
  for (const claim of sorted.filter((f) => f.role === 'claim')) {
    const before = sorted.filter(
      (f) => f.role !== 'claim' && compatible(f, claim, names) && (compareFound(f, claim) < 0 || (f.role === 'reversal' && f.record_id === claim.record_id)),
    );
    // A reversal undoes the events before it, unless it retells something dated before them
    // ("In March 2023 a supervision order was made", in a summary written after its discharge).
    const undoes = (r: Found, e: Found) => compareFound(e, r) < 0 && !(r.stated && r.stated < e.record_date);
    // A claim that retells a time before the event ("05/09/2023 — hair strand test positive…", in
    // a chronology written after it) is history, not a claim that the old state goes on.
    const events = before.filter(
      (f) => f.role === 'event' && !before.some((r) => r.role === 'reversal' && undoes(r, f)) && !(claim.stated && claim.stated < f.record_date),
    );
    if (!events.length) continue;
    // One finding per sentence: each out-of-date statement is one to correct. Of two claims in one
    // sentence, the first, unless a later one names the event's person where the first names
    // nobody or someone not known to be them.
    const key = `${claim.record_id}\u0000${claim.sentenceStart ?? claim.start}`;
    const kept = byRecord.get(key);
    if (!kept || (!namedAlike(kept.claim.person, kept.event.person, names) && namedAlike(claim.person, events[0].person, names))) {
      byRecord.set(key, { claim, event: events[0] });
    }
  }
  return [...byRecord.values()].sort((a, b) => compareFound(a.claim, b.claim) || a.claim.start - b.claim.start);
}

/** Two statements name the same person outright: one surname, or one given name (or its nickname). */
function namedAlike(a: Person | null, b: Person | null, names?: NameBook): boolean {
  if (!a || !b) return false;
  if (a.surname && b.surname) return a.surname === b.surname;
  if (a.given && b.given) return names ? names.same(a.given, b.given) : a.given === b.given;
  return false;
}

/** `wordsOf`: a statement's words (Found.words, or read again from its record). */
export function buildTimeline(caseId: string, rule: string, found: Found[], stale: StaleClaim[], wordsOf: (f: Found) => string): StalenessTimeline {
  const since = new Map(stale.map((s) => [s.claim, s.event.record_id]));
  // One step per record and role is enough for a chronology: its first match, or for claims
  // the one that was found out of date.
  const steps = new Map<string, Found>();
  for (const f of [...found].sort((a, b) => compareFound(a, b) || a.start - b.start)) {
    const key = `${f.record_id}\u0000${f.role}`;
    const kept = steps.get(key);
    if (!kept || (f.role === 'claim' && since.has(f) && !since.has(kept))) steps.set(key, f);
  }
  return {
    case_id: caseId,
    rule,
    entries: [...steps.values()].map((f) => ({
      record_id: f.record_id,
      record_date: f.record_date,
      role: f.role,
      words: wordsOf(f),
      ...(f.role === 'claim' && { stale_since: since.get(f) ?? null }),
    })),
  };
}
