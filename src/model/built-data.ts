import { readFileSync } from 'node:fs';

const cache = new Map<string, unknown>();

/**
 * Data the build wrote beside a compiled module (prebuilt packs, prebuilt profiles), read once
 * per process; an empty object where there is none (running from the sources, or a broken
 * file), so that callers fall back to reading and validating as usual.
 */
export function builtData<T extends object>(url: URL): T {
  let data = cache.get(url.href) as T | undefined;
  if (!data) {
    try {
      data = JSON.parse(readFileSync(url, 'utf8')) as T;
    } catch {
      data = {} as T;
    }
    cache.set(url.href, data);
  }
  return data;
}

/** Bytes the build wrote beside a compiled module, read afresh (an error where there are none). */
export function builtBytes(url: URL): Buffer {
  return readFileSync(url);
}
