import type { SectionDeclaration } from '../../model/sections.ts';
import { append } from '../../model/lists.ts';

/**
 * The report sections of several workers, each over its own cases, as one run over all of them
 * would give them: lists joined, then put in the order their declarations give (`merge.sortBy`,
 * e.g. label histories by case, then label; or `merge.readOrder`, e.g. mentions in read order).
 */
export function mergeSections(
  parts: Record<string, unknown[]>[],
  readOrder: Map<string, number> | null,
  declared: readonly SectionDeclaration[],
): Record<string, unknown[]> {
  const merged: Record<string, unknown[]> = {};
  for (const part of parts) for (const [key, list] of Object.entries(part)) append((merged[key] ??= []), list);
  for (const section of declared) {
    const list = merged[section.key];
    if (!list) continue;
    const { sortBy, readOrder: inReadOrder } = section.merge;
    if (sortBy) list.sort(byFields(sortBy));
    if (inReadOrder && readOrder) {
      const at = (item: unknown) => readOrder.get((item as { record_id: string }).record_id) ?? 0;
      // Stable: the items of one record keep the order the worker found them in.
      list.sort((a, b) => at(a) - at(b));
    }
  }
  return merged;
}

type Row = Record<string, string>;

function byFields(fields: string[]): (a: unknown, b: unknown) => number {
  return (a, b) => {
    for (const field of fields) {
      const order = (a as Row)[field].localeCompare((b as Row)[field]);
      if (order) return order;
    }
    return 0;
  };
}
