import { availableParallelism } from 'node:os';
import { InvalidArgumentError } from 'commander';
import { SEVERITIES, type Severity } from '../model/flag.ts';
import { CANONICAL_FIELDS, type CanonicalField } from '../model/record.ts';
import { parseDate } from '../intake/dates.ts';

/** Option parsers for commander: each turns a bad value into a usage error naming the choices. */
export function severityOption(value: string): Severity {
  if (!(SEVERITIES as readonly string[]).includes(value)) throw new InvalidArgumentError(`use one of ${SEVERITIES.join(', ')}`);
  return value as Severity;
}

export function failOnOption(value: string): Severity | 'never' {
  if (value === 'never') return value;
  if (!(SEVERITIES as readonly string[]).includes(value)) throw new InvalidArgumentError(`use one of ${SEVERITIES.join(', ')}, never`);
  return value as Severity;
}

export function isoDateOption(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new InvalidArgumentError('use YYYY-MM-DD');
  const parsed = parseDate(value);
  if ('error' in parsed) throw new InvalidArgumentError(parsed.error);
  return parsed.date;
}

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function mapOption(value: string, previous: Partial<Record<CanonicalField, string>> = {}): Partial<Record<CanonicalField, string>> {
  const at = value.indexOf('=');
  const field = value.slice(0, at) as CanonicalField;
  if (at < 1 || !CANONICAL_FIELDS.includes(field)) {
    throw new InvalidArgumentError(`use field=Column, where field is one of ${CANONICAL_FIELDS.join(', ')}`);
  }
  return { ...previous, [field]: value.slice(at + 1) };
}

export function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** --jobs: a whole number of worker threads, 1 to 64. */
export function jobsOption(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 64) throw new InvalidArgumentError('use a whole number from 1 to 64');
  return Number(value);
}

/** Below this much input, starting workers costs more than they save. */
export const PARALLEL_FROM_BYTES = 32 * 1024 * 1024;

/** One worker per core for large inputs, else none. */
export function defaultJobs(totalBytes: number, cores = availableParallelism()): number {
  return totalBytes >= PARALLEL_FROM_BYTES && cores > 1 ? cores : 1;
}
