'use strict';
// For tests of the pool: the real PDF reader thread, except that a task { kind: 'misbehave', how } makes it
// crash, throw, hang or eat memory (this listener is registered before the reader's, so it runs first; the
// reader's "unknown task" answer to such a task is held back so that only the misbehaviour is seen).
const { parentPort } = require('node:worker_threads');

const misbehaving = new Set();
const post = parentPort.postMessage.bind(parentPort);
parentPort.postMessage = (message, transfer) => (message && misbehaving.has(message.id) ? undefined : post(message, transfer));

parentPort.on('message', ({ id, task }) => {
  if (task.kind !== 'misbehave') return;
  misbehaving.add(id);
  if (task.how === 'crash') process.exit(70);
  if (task.how === 'throw') setImmediate(() => {
    throw new Error('reader bug');
  });
  if (task.how === 'hang') for (;;);
  if (task.how === 'bloat') {
    const hoard = [];
    for (;;) hoard.push(new Array(1_000_000).fill(hoard.length));
  }
});

require('./pdf-worker.js');
