import type { FlagDraft, Severity } from '../model/flag.ts';
import { atLeast, spanText } from '../model/flag.ts';
import { MESSAGE_FIELD, asMessage, joinQuoted, messageWriting, pointerOf, quote, quotesAt, written } from '../model/quote.ts';

/** Kinds that say a record gives another child's details: name, age, gender. */
const IDENTITY_KINDS = new Set(['subject-name', 'subject-age', 'subject-gender']);
const COPY_KIND = 'duplication';

/**
 * One finding per problem. A passage pasted from another record that still gives another
 * child's name, age or pronouns is one recording problem, not two: the identity finding inside
 * a copied passage is folded into the copy's flag, which then says both (its message, its
 * standards, the higher severity, and `details.identity_findings` with each folded finding's rule
 * and words). Identity findings outside any copied passage stand on their own.
 */
export function foldIdentityIntoCopies(drafts: FlagDraft[]): FlagDraft[] {
  const copiesByRecord = new Map<CanonicalKey, FlagDraft[]>();
  for (const d of drafts) {
    if (d.rule.kind === COPY_KIND && d.span) {
      const key = recordKey(d);
      let list = copiesByRecord.get(key);
      if (!list) copiesByRecord.set(key, (list = []));
      list.push(d);
    }
  }
  if (!copiesByRecord.size) return drafts;
  const folded = new Map<FlagDraft, FlagDraft[]>();
  const out: FlagDraft[] = [];
  for (const d of drafts) {
    if (IDENTITY_KINDS.has(d.rule.kind) && d.span) {
      const copy = copiesByRecord.get(recordKey(d))?.find((c) => c.span!.start <= d.span!.start && d.span!.end <= c.span!.end);
      if (copy) {
        let list = folded.get(copy);
        if (!list) folded.set(copy, (list = []));
        list.push(d);
        continue;
      }
    }
    out.push(d);
  }
  return out.map((d) => {
    const inside = folded.get(d);
    return inside ? withIdentity(d, inside) : d;
  });
}

type CanonicalKey = string;
const recordKey = (d: FlagDraft): CanonicalKey => `${d.record.source.path}\u0000${d.record.source.line}\u0000${d.record.record_id}`;

function withIdentity(copy: FlagDraft, identity: FlagDraft[]): FlagDraft {
  const severity = identity.reduce<Severity>((s, d) => {
    const other = d.severity ?? d.rule.severity;
    return atLeast(other, s) ? other : s;
  }, copy.severity ?? copy.rule.severity);
  const said = identity.map((d) => messageWriting(d.message ?? d.rule.message, d.quotes));
  // The copy check may have seen the other child itself (its own `details.identity`); then its
  // message says so already, and the folded findings are kept in the details only.
  const own = copy.details?.identity as { names?: string[]; ages?: number[]; pronouns?: string[] } | undefined;
  const seen = Boolean(own && (own.names?.length ?? 0) + (own.ages?.length ?? 0) + (own.pronouns?.length ?? 0));
  const base = messageWriting(copy.message ?? copy.rule.message, copy.quotes);
  const message = asMessage(seen ? base : written`${base} The copied passage also gives another child's details: ${joinQuoted(said, ' ')}`);
  const words = identity.map((d, i) => quotesAt(pointerOf('details', 'identity_findings', i, 'words'), quote(spanText(d), d.record.record_id)));
  const standards = [...new Set([...copy.rule.standards, ...identity.flatMap((d) => d.rule.standards)])];
  return {
    ...copy,
    rule: { ...copy.rule, standards },
    severity,
    message: message.message,
    quotes: [...message.quotes, ...(copy.quotes ?? []).filter((q) => q.field !== MESSAGE_FIELD), ...words.flat()],
    details: {
      ...copy.details,
      identity_findings: identity.map((d) => ({ rule: d.rule.id, words: spanText(d) })),
    },
  };
}
