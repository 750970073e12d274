'use strict';
// Runs PGlite and its wire-protocol server on a thread of their own (started by embedded-postgres.ts).
// Why a thread: PGlite executes each query synchronously, which on the main thread would stall the
// HTTP server and the queue's lock renewals; and here Node's own module loader runs, so PGlite can
// load its WebAssembly with import(), which Jest's module sandbox refuses.
// Plain JavaScript because a worker does not inherit the TypeScript loader of the main thread.
const { parentPort, workerData } = require('node:worker_threads');
const { PGlite } = require('@electric-sql/pglite');
const { PGLiteSocketServer } = require('@electric-sql/pglite-socket');

/** @type {{ pgdata: string; socketPath: string | null }} */
const { pgdata, socketPath } = workerData;

async function main() {
  const started = Date.now();
  let db;
  let server;
  try {
    db = await PGlite.create(pgdata);
    // One connection at a time: node-postgres uses a pool of one against this server.
    server = socketPath ? new PGLiteSocketServer({ db, path: socketPath }) : new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0 });
    await server.start();
  } catch (error) {
    if (db && !db.closed) await db.close().catch(() => undefined);
    parentPort.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
    return;
  }
  parentPort.on('message', (message) => {
    if (message && message.type === 'stop') void stop(db, server);
  });
  parentPort.postMessage({ type: 'ready', conn: server.getServerConn(), ms: Date.now() - started });
}

async function stop(db, server) {
  try {
    await server.stop();
    if (!db.closed) await db.close();
    parentPort.postMessage({ type: 'stopped' });
  } catch (error) {
    parentPort.postMessage({ type: 'stopped', error: error instanceof Error ? error.message : String(error) });
  }
  parentPort.close();
}

void main();
