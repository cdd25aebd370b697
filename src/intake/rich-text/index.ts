import { hasEntity } from './entities.ts';
import { htmlToText, readTag } from './html.ts';
import { rtfToText } from './rtf.ts';

export { htmlToText } from './html.ts';
export { rtfToText } from './rtf.ts';
export { decodeEntities } from './entities.ts';

export type Markup = 'html' | 'rtf';

/**
 * Decides, conservatively, whether a note is HTML or RTF. RTF must start with `{\rtf`. HTML
 * needs real tags of known elements: two or more, or one `<br>`, or one tag with a character
 * reference (`&amp;`, `&#8217;`). A bare `<` ("score <3", "a < b"), an unknown `<word>` or a
 * single `<b>` in a plain note is not mark-up, and such notes are left exactly as they are.
 */
export function detectMarkup(text: string): Markup | null {
  if (/^\s*\{\\rtf/.test(text)) return 'rtf';
  if (!text.includes('<')) return null;
  let tags = 0;
  let br = false;
  for (let at = text.indexOf('<'); at !== -1 && tags < 2; at = text.indexOf('<', at + 1)) {
    const tag = readTag(text, at);
    if (!tag) {
      if (/^<!--[\s\S]*?-->/.test(text.slice(at, at + 4096)) || /^<!doctype html/i.test(text.slice(at, at + 14))) tags++;
      continue;
    }
    tags++;
    if (tag.name === 'br') br = true;
  }
  if (tags >= 2 || (tags === 1 && (br || hasEntity(text)))) return 'html';
  return null;
}

export interface PlainText {
  /** The text the auditor sees and every offset indexes. */
  text: string;
  /** The mark-up it was converted from, or null when the note was plain text (and is unchanged). */
  markup: Markup | null;
}

/** A note as plain text: converted from HTML or RTF when it is mark-up, otherwise as it is. */
export function toPlainText(text: string): PlainText {
  const markup = detectMarkup(text);
  if (markup === 'rtf') return { text: rtfToText(text), markup };
  if (markup === 'html') return { text: htmlToText(text), markup };
  return { text, markup: null };
}
