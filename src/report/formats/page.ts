import { createHash } from 'node:crypto';

/** A source for a Content-Security-Policy hash: `'sha256-…'` of exactly this text. */
export const cspHash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * The policy of a page that fetches nothing: its one inline style sheet (and, for the report
 * page, its one inline script, with Trusted Types required) allowed by their hashes, and no
 * image, font, frame, form or connection at all. The trend charts and the manager's summary
 * have no script.
 */
export function staticPagePolicy(style: string, script?: string): string {
  return [
    "default-src 'none'",
    `script-src ${script === undefined ? "'none'" : cspHash(script)}`,
    `style-src ${cspHash(style)}`,
    "img-src 'none'",
    "font-src 'none'",
    "connect-src 'none'",
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    ...(script === undefined ? [] : ["require-trusted-types-for 'script'"]),
  ].join('; ');
}

/** The head every page of ours has: the policy, no referrer, the viewport, who made it, the title and the style. */
export function pageHead(options: { policy: string; generator: string; title: string; style: string; esc: (s: string) => string }): string {
  const { policy, generator, title, style, esc } = options;
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${esc(policy)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${esc(generator)}">
<title>${esc(title)}</title>
<style>${style}</style>
</head>`;
}
