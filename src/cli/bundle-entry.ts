/**
 * What bin/scrutineer takes from the one-file build (`dist/scrutineer.cjs`, see write-bundle.ts):
 * the command line and the signal handling, from the same modules, so that they share the files
 * an interrupted run must remove.
 */
export { main } from './main.ts';
export { stopCleanlyOnSignals } from './interrupt.ts';
