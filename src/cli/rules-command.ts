import { Command } from 'commander';
import { DEFAULT_RULES_DIR, loadPacks } from '../packs/load-packs.ts';
import type { Io } from './io.ts';

export function rulesCommand(io: Io): Command {
  const rules = new Command('rules').description('list and check rule packs');
  rules
    .command('list')
    .description('list every rule: id, kind, category, severity and standards')
    .option('-r, --rules <path>', 'add a rule pack or folder (repeatable)', (v: string, p: string[]) => [...p, v], [])
    .option('--no-default-rules', 'leave out the default packs')
    .action((flags: { rules: string[]; defaultRules: boolean }) => {
      const packs = loadPacks([...(flags.defaultRules ? [DEFAULT_RULES_DIR] : []), ...flags.rules]);
      const rows = packs.flatMap((p) => p.rules.map((r) => [r.id, r.kind, r.category, r.severity, r.standards.join(' '), p.name]));
      const head = ['RULE', 'KIND', 'CATEGORY', 'SEVERITY', 'STANDARDS', 'PACK'];
      const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
      const line = (cells: string[]) => cells.map((c, i) => (i < cells.length - 1 ? c.padEnd(widths[i]) : c)).join('  ');
      io.stdout([line(head), ...rows.map(line)].join('\n') + '\n');
    });
  rules
    .command('validate')
    .description('check rule packs without auditing (default: the default packs)')
    .argument('[paths...]', 'packs or folders of packs')
    .action((paths: string[]) => {
      const packs = loadPacks(paths.length ? paths : [DEFAULT_RULES_DIR]);
      const count = packs.reduce((n, p) => n + p.rules.length, 0);
      io.stdout(`${packs.length} pack${packs.length === 1 ? '' : 's'}, ${count} rule${count === 1 ? '' : 's'}: valid\n`);
    });
  return rules;
}
