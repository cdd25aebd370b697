import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoPath } from './support/run-cli.ts';

const FORMATS = ['json', 'ndjson', 'csv', 'html', 'junit', 'markdown', 'summary', 'terminal'];

describe('scrutineer works offline', () => {
  it('a full audit in every format opens no socket, resolves no name and starts no program', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scrutineer-offline-'));
    const log = join(dir, 'network.log');
    const outputs = FORMATS.flatMap((f) => ['--format', f, '--output', join(dir, `report.${f}`)]);
    const result = spawnSync(
      process.execPath,
      [
        '--import',
        repoPath('test/support/deny-network.mjs'),
        repoPath('bin/scrutineer'),
        'audit',
        repoPath('fixtures/exports'),
        repoPath('fixtures/hostile'),
        '--mentions',
        '--fail-on',
        'never',
        ...outputs,
      ],
      { cwd: dir, encoding: 'utf8', env: { ...process.env, DENY_NETWORK_LOG: log } },
    );
    expect(result.stderr).not.toContain('network access refused');
    expect(result.status).toBe(0);
    expect(existsSync(log)).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(FORMATS.map((f) => `report.${f}`).sort());
  });

  it('the refusal works: a program that tries to connect is caught', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scrutineer-offline-'));
    const log = join(dir, 'network.log');
    const result = spawnSync(process.execPath, ['--import', repoPath('test/support/deny-network.mjs'), '-e', "require('node:net').connect(80, '127.0.0.1')"], {
      encoding: 'utf8',
      env: { ...process.env, DENY_NETWORK_LOG: log },
    });
    expect(result.status).not.toBe(0);
    expect(readFileSync(log, 'utf8')).toBe('net.connect\n');
  });
});
