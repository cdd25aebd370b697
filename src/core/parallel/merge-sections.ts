/**
 * The report sections of several workers, each over its own cases, as one run over all of them
 * would give them: lists joined, then put in the order the checks give them (label histories
 * and staleness timelines by case, then label or rule; mentions in read order).
 */
export function mergeSections(parts: Record<string, unknown[]>[], readOrder: Map<string, number> | null): Record<string, unknown[]> {
  const merged: Record<string, unknown[]> = {};
  for (const part of parts) for (const [key, list] of Object.entries(part)) (merged[key] ??= []).push(...list);
  for (const [key, list] of Object.entries(merged)) {
    const order = ORDERS[key];
    if (order) list.sort(order);
  }
  if (merged.mentions && readOrder) {
    const at = (m: unknown) => readOrder.get((m as { record_id: string }).record_id) ?? 0;
    // Stable: mentions of one record keep the order the worker found them in.
    merged.mentions.sort((a, b) => at(a) - at(b));
  }
  return merged;
}

type Row = Record<string, string>;
const cmp = (a: string, b: string) => a.localeCompare(b);

const ORDERS: Record<string, (a: unknown, b: unknown) => number> = {
  label_histories: (a, b) => cmp((a as Row).case_id, (b as Row).case_id) || cmp((a as Row).label, (b as Row).label),
  staleness_timeline: (a, b) => cmp((a as Row).case_id, (b as Row).case_id) || cmp((a as Row).rule, (b as Row).rule),
};
