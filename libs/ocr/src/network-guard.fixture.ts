/**
 * Preloaded (node -r) into a child process and, through --require, into each of its worker threads: any attempt
 * to reach the network is written to stderr as "NETWORK ATTEMPT" and fails.
 */
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';

function refuse(what: string): never {
  process.stderr.write(`NETWORK ATTEMPT ${what}\n`);
  throw new Error(`network access refused in this test: ${what}`);
}

globalThis.fetch = (input: unknown) => Promise.reject(refuse(`fetch ${String(input)}`));
for (const module of [http, https]) {
  module.request = (() => refuse('http.request')) as never;
  module.get = (() => refuse('http.get')) as never;
}
net.Socket.prototype.connect = function connect() {
  return refuse('socket connect');
} as never;
dns.lookup = (() => refuse('dns lookup')) as never;
