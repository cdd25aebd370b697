import { decodeEntities } from './entities.ts';
import { tidy, TextBuilder } from './text-builder.ts';

/**
 * Element names scrutineer treats as HTML. A `<word …>` whose name is not here (and has no
 * namespace prefix such as Word's `<o:p>`) is text, not a tag: "Plan <review in 6 weeks>" stays.
 */
export const KNOWN_TAGS = new Set([
  'a',
  'abbr',
  'address',
  'article',
  'aside',
  'b',
  'big',
  'blockquote',
  'body',
  'br',
  'caption',
  'center',
  'cite',
  'code',
  'col',
  'colgroup',
  'dd',
  'del',
  'dfn',
  'div',
  'dl',
  'dt',
  'em',
  'figcaption',
  'figure',
  'font',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'head',
  'header',
  'hr',
  'html',
  'i',
  'img',
  'ins',
  'kbd',
  'label',
  'li',
  'link',
  'main',
  'mark',
  'meta',
  'nav',
  'noscript',
  'ol',
  'p',
  'pre',
  'q',
  's',
  'samp',
  'script',
  'section',
  'small',
  'span',
  'strike',
  'strong',
  'style',
  'sub',
  'sup',
  'table',
  'tbody',
  'td',
  'template',
  'tfoot',
  'th',
  'thead',
  'title',
  'tr',
  'tt',
  'u',
  'ul',
  'var',
  'wbr',
  'xml',
]);

/** Elements whose content is never text the auditor should see. */
const DROPPED = new Set(['script', 'style', 'head', 'title', 'template', 'xml']);
/** Elements that start and end a paragraph (a blank line around them). */
const PARAGRAPH = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'dl', 'table', 'blockquote', 'pre', 'hr', 'figure']);
/** Elements that start and end a line. */
const LINE = new Set([
  'div',
  'li',
  'tr',
  'dt',
  'dd',
  'address',
  'article',
  'aside',
  'section',
  'header',
  'footer',
  'nav',
  'main',
  'form',
  'center',
  'caption',
  'figcaption',
  'body',
  'html',
]);

const TAG_NAME = /^[A-Za-z][A-Za-z0-9]*(?::[A-Za-z][A-Za-z0-9-]*)?/;

export function isKnownTagName(name: string): boolean {
  const lower = name.toLowerCase();
  return KNOWN_TAGS.has(lower) || lower.includes(':');
}

interface Tag {
  name: string;
  closing: boolean;
  /** Index just past the closing `>`. */
  end: number;
}

/**
 * Reads a tag at `at` (which holds `<`). Attribute values may be quoted and hold `>`; a `<`
 * before the tag closes, or an unknown element name, means this is not a tag.
 */
export function readTag(html: string, at: number): Tag | null {
  let i = at + 1;
  const closing = html[i] === '/';
  if (closing) i++;
  const m = TAG_NAME.exec(html.slice(i, i + 64));
  if (!m || !isKnownTagName(m[0])) return null;
  i += m[0].length;
  if (i < html.length && !/[\s/>]/.test(html[i])) return null;
  let quote = '';
  for (; i < html.length; i++) {
    const c = html[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      // A quote only opens a value after `=` (otherwise it is a stray character).
      if (/=\s*$/.test(html.slice(Math.max(at, i - 8), i))) quote = c;
    } else if (c === '>') {
      return { name: m[0].toLowerCase(), closing, end: i + 1 };
    } else if (c === '<') {
      return null;
    }
  }
  return null;
}

/**
 * Converts HTML from a rich-text editor to the plain text a reader would see: paragraphs and
 * line breaks kept, list items as bullets (or numbers in an `<ol>`), table cells separated by
 * " | ", entities decoded, scripts, styles and comments dropped.
 */
export function htmlToText(html: string): string {
  // HTML ignores line breaks in its source; a note that uses only inline tags (<b>, <span>) was
  // typed as plain text with a little formatting, and its own line breaks are the layout.
  const structured = /<\s*(?:br|p|div|li|h[1-6]|table|tr|ul|ol|blockquote)\b/i.test(html);
  const out = new TextBuilder();
  const lists: { ordered: boolean; n: number }[] = [];
  let pre = 0;
  let dropping: string | null = null;
  let text = '';
  const flushText = () => {
    if (!text) return;
    let t = text.replace(/\r\n?/g, '\n');
    text = '';
    if (pre > 0) {
      out.text(decodeEntities(t), true);
      return;
    }
    if (structured) t = t.replace(/[ \t\n\f]+/g, ' ');
    else t = t.replace(/[ \t\f]+/g, ' ');
    out.text(decodeEntities(t), false);
  };
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt === -1) {
      if (!dropping) text += html.slice(i);
      break;
    }
    if (!dropping) text += html.slice(i, lt);
    i = lt;
    if (html.startsWith('<!--', i)) {
      const close = html.indexOf('-->', i + 4);
      i = close === -1 ? html.length : close + 3;
      continue;
    }
    if (/^<[!?][A-Za-z[]/.test(html.slice(i, i + 3))) {
      // <!DOCTYPE …>, <?xml …?>, <![endif]>
      const close = html.indexOf('>', i);
      i = close === -1 ? html.length : close + 1;
      continue;
    }
    const tag = readTag(html, i);
    if (!tag) {
      if (!dropping) text += '<';
      i++;
      continue;
    }
    i = tag.end;
    if (dropping) {
      if (tag.closing && tag.name === dropping) dropping = null;
      continue;
    }
    flushText();
    const { name, closing } = tag;
    if (DROPPED.has(name)) {
      if (!closing && !html.slice(i - 2, i).startsWith('/')) dropping = name;
      continue;
    }
    if (name === 'br') {
      out.lineBreak();
    } else if (name === 'li') {
      if (closing) out.block(1);
      else {
        out.block(1);
        const list = lists.at(-1);
        out.prefix(list?.ordered ? `${++list.n}. ` : '• ');
      }
    } else if (name === 'td' || name === 'th') {
      if (!closing) out.cell();
    } else if (name === 'tr') {
      out.block(1);
      out.endRow();
    } else if (PARAGRAPH.has(name)) {
      out.block(2);
      if (name === 'ul' || name === 'ol') {
        if (closing) lists.pop();
        else lists.push({ ordered: name === 'ol', n: 0 });
      }
      if (name === 'pre') pre = Math.max(0, pre + (closing ? -1 : 1));
    } else if (LINE.has(name)) {
      out.block(1);
    }
  }
  flushText();
  return tidy(out.toString());
}
