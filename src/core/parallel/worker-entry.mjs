// A check worker's entry point: workers do not inherit the TypeScript loader the CLI registered,
// so each registers it before loading the worker module.
import { register } from 'tsx/esm/api';

register();
await import('./check-worker.ts');
