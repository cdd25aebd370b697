/** `npm run schemas`: writes the published pack schema from the rule kinds' own schemas. */
import { writeFileSync } from 'node:fs';
import { RULE_KINDS } from '../checks/index.ts';
import { publishedPackSchema } from './pack-schema.ts';

export const PACK_SCHEMA_PATH = new URL('../../schema/pack.schema.json', import.meta.url).pathname;

export function packSchemaText(): string {
  return JSON.stringify(publishedPackSchema(RULE_KINDS), null, 2) + '\n';
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(PACK_SCHEMA_PATH, packSchemaText());
  process.stderr.write(`wrote ${PACK_SCHEMA_PATH}\n`);
}
