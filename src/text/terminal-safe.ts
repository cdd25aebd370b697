/**
 * Record text shown in a terminal: control characters (escape sequences among them) are
 * shown as \xNN so a note cannot move the cursor, recolour or rewrite the auditor's screen.
 */
export function terminalSafe(text: string): string {
  return text.replace(
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
}
