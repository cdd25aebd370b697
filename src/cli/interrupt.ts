import { unlinkSync } from 'node:fs';

/** Temporary report files being written; removed if the run is interrupted. */
export const pendingTemporaryFiles = new Set<string>();

/**
 * Ctrl-C (or a TERM signal) stops the run at once: no report, partial or whole, is left
 * behind, and the exit code says why (130 for an interrupt, 143 for TERM).
 */
export function stopCleanlyOnSignals(write: (s: string) => void): void {
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    process.once(signal, () => {
      for (const path of pendingTemporaryFiles) {
        try {
          unlinkSync(path);
        } catch {
          /* already gone */
        }
      }
      write(`\nscrutineer: interrupted; no report was written\n`);
      process.exit(code);
    });
  }
}
