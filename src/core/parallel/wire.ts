import type { CanonicalRecord, RecordPlace } from '../../model/record.ts';
import type { RereadableInput } from '../../intake/read-export.ts';
import type { FlagDraft } from '../../model/flag.ts';
import type { CheckEnv, Rule } from '../../checks/rule-kind.ts';

/**
 * What the main thread and a check worker say to each other. Everything here is plain data
 * (structured-cloned by postMessage): a draft names its rule by its place in the rule list the
 * worker was given, since a rule object cannot cross threads as the same object.
 */
export interface WorkerInit {
  rules: Rule[];
  env: CheckEnv;
  /**
   * Export-scoped kinds whose digest (RuleKind.digest) the worker works out for every record it
   * is given, with their rules, in the order the main thread numbers them.
   */
  digests: { kind: string; rules: Rule[] }[];
}

/**
 * The digests of one kind for a batch of records, in the batch's order: `lengths[i]` values of
 * `values` for record i, in turn, or -1 for a null digest. Two arrays, transferred, not cloned.
 */
export interface PackedDigests {
  values: Uint32Array<ArrayBuffer>;
  lengths: Int32Array<ArrayBuffer>;
}

/** Packs a batch's digests (each array is copied in at once, as a digest's array may be reused). */
export function packDigests(digests: Iterable<Uint32Array | null>, count: number): PackedDigests {
  const lengths = new Int32Array(count);
  let values = new Uint32Array(1024);
  let used = 0;
  let i = 0;
  for (const d of digests) {
    if (!d) {
      lengths[i++] = -1;
      continue;
    }
    if (used + d.length > values.length) {
      const grown = new Uint32Array(Math.max(2 * values.length, used + d.length));
      grown.set(values.subarray(0, used));
      values = grown;
    }
    values.set(d, used);
    used += d.length;
    lengths[i++] = d.length;
  }
  return { values: values.slice(0, used), lengths };
}

/** Calls `each(i, digest)` for every record of a packed batch (a digest is a view of `values`). */
export function unpackDigests({ values, lengths }: PackedDigests, each: (i: number, digest: Uint32Array | null) => void): void {
  let at = 0;
  for (let i = 0; i < lengths.length; i++) {
    const n = lengths[i];
    if (n < 0) each(i, null);
    else {
      each(i, values.subarray(at, at + n));
      at += n;
    }
  }
}

/**
 * `input`: a file whose rows can be read again (sent to every worker as intake registers it, so
 * each numbers the files as the main thread does); `places`: each record's place, or null.
 */
export type ToWorker =
  | { type: 'input'; input: RereadableInput }
  | { type: 'records'; batch: number; records: CanonicalRecord[]; places: (RecordPlace | null)[] }
  | { type: 'finish' };

export interface DraftOnWire extends Omit<FlagDraft, 'rule'> {
  rule_index: number;
}

export type FromWorker =
  | { type: 'done'; batch: number; drafts: DraftOnWire[]; digests: PackedDigests[] }
  | { type: 'finished'; drafts: DraftOnWire[]; sections: Record<string, unknown[]> }
  | { type: 'failed'; message: string; stack?: string };

export function toWire(draft: FlagDraft, ruleIndex: Map<Rule, number>): DraftOnWire {
  const { rule, ...rest } = draft;
  const index = ruleIndex.get(rule as Rule);
  if (index === undefined) throw new Error(`draft for a rule the worker was not given: ${rule.id}`);
  return { ...rest, rule_index: index };
}

export function fromWire(draft: DraftOnWire, rules: Rule[]): FlagDraft {
  const { rule_index, ...rest } = draft;
  return { ...rest, rule: rules[rule_index] };
}
