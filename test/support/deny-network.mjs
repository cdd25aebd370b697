// Preloaded with `node --import` in the privacy test: any attempt to open a socket, resolve a
// name, make an HTTP request or start another program is recorded and refused.
import { appendFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';
import tls from 'node:tls';
import dgram from 'node:dgram';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import childProcess from 'node:child_process';

const log = process.env.DENY_NETWORK_LOG;
function refuse(what) {
  return function refused() {
    if (log) appendFileSync(log, `${what}\n`);
    throw new Error(`network access refused in test: ${what}`);
  };
}
// tsx, which runs the TypeScript sources, probes a Unix socket of a parent `tsx watch` process
// (/tmp/tsx-<uid>/<ppid>.pipe) and ignores the failure. That is local IPC, not a network, so
// only that path is let through; anything else is refused.
const TSX_IPC = /[\\/]tsx-\d+[\\/]\d+\.pipe$/;
const originalConnect = net.connect;
net.connect = net.createConnection = function connect(...args) {
  if (typeof args[0] === 'string' && TSX_IPC.test(args[0])) return originalConnect.apply(this, args);
  return refuse('net.connect')();
};
const originalSocketConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function connect(...args) {
  // Node passes its normalised arguments as one array: [options, callback].
  const target = Array.isArray(args[0]) ? args[0][0] : args[0];
  const path = typeof target === 'string' ? target : target && typeof target === 'object' ? target.path : undefined;
  if (typeof path === 'string' && TSX_IPC.test(path)) return originalSocketConnect.apply(this, args);
  return refuse('net.Socket.connect')();
};
tls.connect = refuse('tls.connect');
dgram.createSocket = refuse('dgram.createSocket');
dns.lookup = refuse('dns.lookup');
dns.resolve = refuse('dns.resolve');
dns.promises.lookup = refuse('dns.promises.lookup');
http.request = http.get = refuse('http.request');
https.request = https.get = refuse('https.request');
globalThis.fetch = refuse('fetch');
for (const fn of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) childProcess[fn] = refuse(`child_process.${fn}`);
syncBuiltinESMExports();
