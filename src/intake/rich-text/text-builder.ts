/**
 * Builds the plain text of a converted note. Block boundaries are kept pending until the next
 * visible text, so that empty paragraphs, trailing `</p>` and nested `<div>`s never stack up
 * blank lines, and table cells are joined with " | " only between cells that hold text.
 */
export class TextBuilder {
  private parts: string[] = [];
  private tail = '';
  private pending = 0;
  private pendingCell = false;

  private get atLineStart(): boolean {
    return this.tail === '' || this.tail.endsWith('\n');
  }

  private append(s: string) {
    if (!s) return;
    this.parts.push(s);
    this.tail = (this.tail + s).slice(-2);
  }

  private flushBreak() {
    if (this.pending && this.tail !== '') {
      const have = this.tail.endsWith('\n\n') ? 2 : this.tail.endsWith('\n') ? 1 : 0;
      this.append('\n'.repeat(Math.max(0, this.pending - have)));
    }
    this.pending = 0;
  }

  /** Visible text. Unless `preserve`, white space at the start of a line is dropped. */
  text(t: string, preserve: boolean) {
    if (!t) return;
    if (!preserve && /^[ \t]*$/.test(t) && (this.atLineStart || this.pending)) return;
    this.flushBreak();
    if (this.pendingCell && !this.atLineStart) this.append(' | ');
    this.pendingCell = false;
    if (!preserve && this.atLineStart) t = t.replace(/^[ \t]+/, '');
    this.append(t);
  }

  /** Text that starts an item (a bullet), written even before any other text. */
  prefix(t: string) {
    this.flushBreak();
    this.pendingCell = false;
    this.append(t);
  }

  /** A forced line break (`<br>`, `\line`, `\par`). */
  lineBreak() {
    this.flushBreak();
    this.pendingCell = false;
    if (this.tail !== '') this.append('\n');
  }

  /** A block boundary: 1 for a line, 2 for a paragraph (a blank line). */
  block(level: 1 | 2) {
    this.pending = Math.max(this.pending, level);
    this.pendingCell = false;
  }

  /** Another table cell starts: " | " goes before its text if the row already has some. */
  cell() {
    this.pendingCell = true;
  }

  endRow() {
    this.pendingCell = false;
  }

  toString(): string {
    return this.parts.join('');
  }
}

/**
 * Final clean-up shared by the converters: no trailing spaces on a line, no more than one blank
 * line in a row, nothing blank at either end.
 */
export function tidy(text: string): string {
  return text
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\s+|\s+$/g, '');
}
