/** A finding as the report shows it: spans, facts, and the rule's advice. */
import type { FlagDraft } from '../../model/flag.ts';
import type { Passage } from './align.ts';
import type { Finding, Prepared } from './finding.ts';
import { describeFinding, type Closeness } from './message.ts';
import { describeEdits, editsOf } from './edits.ts';
import { asMessage, pointerOf, quote, quotesAt, written, type Quote } from '../../model/quote.ts';

export function draft(f: Finding, target: Prepared): FlagDraft {
  const { passage: p, source } = f;
  const span = { start: target.tokens.starts[p.tStart], end: target.tokens.ends[p.tEnd - 1] };
  const sourceSpan = { start: source.tokens.starts[p.sStart], end: source.tokens.ends[p.sEnd - 1] };
  const similarity = Math.round(p.similarity * 100) / 100;
  const words = p.tEnd - p.tStart;
  const closeness = closenessOf(target.record.text.slice(span.start, span.end), source.record.text.slice(sourceSpan.start, sourceSpan.end), p);
  const setting = f.rule.kinds[f.kind];
  // What was changed, as written: names and dates included (those are what a copy gets wrong).
  const edits = closeness === 'verbatim' ? [] : editsOf(target.record.text, target.tokens, source.record.text, source.tokens, p.pieces);
  const ids = { target: target.record.record_id, source: source.record.record_id };
  const described = edits.length ? describeEdits(edits, ids) : null;
  const changes = written`${described ? written` Changed: ${described}.` : ''}${p.reordered ? ' Its sentences are in another order than in the source.' : ''}`;
  const opening = describeFinding({
    kind: f.kind,
    scope: f.scope,
    words,
    similarity,
    closeness,
    target: target.record,
    source: source.record,
    own: target.subject,
    other: source.subject,
    evidence: f.evidence,
  });
  const message = asMessage(written`${opening}${changes} ${setting.message}`);
  // Record text in the details: the edits as the message gives them, and the other child's names and pronouns as this record writes them.
  const detailQuotes: Quote[] = [
    ...(described ? quotesAt(pointerOf('details', 'edited_words'), described) : []),
    ...(f.evidence?.names ?? []).flatMap((n, i) => quotesAt(pointerOf('details', 'identity', 'names', i), quote(n, ids.target))),
    ...(f.evidence?.pronouns ?? []).flatMap((n, i) => quotesAt(pointerOf('details', 'identity', 'pronouns', i), quote(n, ids.target))),
  ];
  return {
    rule: f.rule,
    record: target.record,
    span,
    message: message.message,
    quotes: [...message.quotes, ...detailQuotes],
    severity: setting.severity,
    related_record_ids: [source.record.record_id],
    details: {
      kind: f.kind,
      scope: f.scope,
      source_record_id: source.record.record_id,
      source_case_id: source.record.case_id,
      source_record_date: source.record.record_date,
      source_span: sourceSpan,
      similarity,
      words,
      closeness,
      ...(described && { edits: edits.length, edited_words: described.text }),
      ...(p.reordered && { reordered: true }),
      ...(f.evidence && { identity: f.evidence }),
    },
    discriminator: `${f.kind}\u0000${source.record.record_id}`,
  };
}

function closenessOf(target: string, source: string, p: Passage): Closeness {
  const plain = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  if (plain(target) === plain(source)) return 'verbatim';
  return p.matched === p.tEnd - p.tStart && p.matched === p.sEnd - p.sStart ? 'details-changed' : 'edited';
}
