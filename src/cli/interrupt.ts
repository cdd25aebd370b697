import { unlinkSync } from 'node:fs';

/** Temporary report files being written; removed if the run is interrupted. */
export const pendingTemporaryFiles = new Set<string>();

/** Report files this run has finished writing, so an interrupt can say what is already there. */
export const writtenFiles: string[] = [];

/**
 * Ctrl-C (or a TERM signal) stops the run at once: a report being written is removed (none is
 * ever left half-written), and the message says truthfully which reports were already written.
 * The exit code says why (130 for an interrupt, 143 for TERM).
 */
export function stopCleanlyOnSignals(write: (s: string) => void): void {
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.once(signal, () => {
      for (const path of pendingTemporaryFiles) {
        try {
          unlinkSync(path);
        } catch {
          /* already gone */
        }
      }
      const done = writtenFiles.length ? `; already written before the interrupt: ${writtenFiles.join(', ')}` : '; no report was written';
      write(`\nscrutineer: interrupted${done}\n`);
      process.exit(code);
    });
  }
}
