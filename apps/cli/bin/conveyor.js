#!/usr/bin/env node
'use strict';
// Runs the TypeScript CLI through swc without a build step; the tsconfig gives the @conveyor/* aliases.
const path = require('node:path');

// glibc gives each thread that allocates its own malloc arena (up to 8 per core), and after large buffers
// (decoded pages) are freed it raises its mmap threshold, so later ones stay in the heap instead of going back to
// the system: a worker reading scans then holds 100-200 MB more resident memory (npm run bench:worker-memory).
// glibc reads both settings when the process starts, so `conveyor start` and `conveyor worker` start themselves
// again with MALLOC_ARENA_MAX=2 and MALLOC_MMAP_THRESHOLD_=131072 unless the environment sets MALLOC_ARENA_MAX
// (the Docker image does; any value is respected and nothing is added then).
const ARENA_LIMITED_COMMANDS = new Set(['start', 'worker']);
if (process.platform === 'linux' && process.env.MALLOC_ARENA_MAX === undefined && ARENA_LIMITED_COMMANDS.has(process.argv[2])) {
  const { spawn } = require('node:child_process');
  // A process group of its own: a Ctrl-C in the terminal reaches the child once, forwarded from here, instead of
  // twice (a second signal means "exit without waiting" to the platform). The IPC channel tells the child when
  // this process is gone, even by kill -9: it then dies the same way (below), as operators and tests expect.
  const child = spawn(process.execPath, [...process.execArgv, __filename, ...process.argv.slice(2)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { MALLOC_MMAP_THRESHOLD_: '131072', ...process.env, MALLOC_ARENA_MAX: '2', CONVEYOR_LAUNCHER_PID: String(process.pid) },
    detached: true,
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 + require('node:os').constants.signals[signal] : 1)));
  return;
}
if (process.send && process.env.CONVEYOR_LAUNCHER_PID === String(process.ppid)) {
  // Started by the launcher above: when it dies, so does this process, at once and without a graceful shutdown.
  process.on('disconnect', () => process.kill(process.pid, 'SIGKILL'));
  process.channel.unref();
}

if (!process.env.SWC_NODE_PROJECT) {
  process.env.SWC_NODE_PROJECT = path.resolve(__dirname, '../../../tsconfig.base.json');
}
require('@swc-node/register');
require('../src/main.ts');
