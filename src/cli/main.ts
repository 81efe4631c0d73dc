#!/usr/bin/env node
// The `bigcommerce-source` command. The only file that touches `process`; everything else runs
// in-process through runCli (see test/cli).
import process from 'node:process';
import { Interrupted, SIGNAL_EXIT_CODES, type StopSignal } from './interrupt';
import { runCli } from './run';

const controller = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const satisfies readonly StopSignal[]) {
  process.on(signal, () => {
    // The first signal stops the run after the page in hand and prints the command to resume it;
    // a second one (either) quits at once.
    if (controller.signal.aborted) process.exit(SIGNAL_EXIT_CODES[signal]);
    controller.abort(new Interrupted(signal));
  });
}
// `bigcommerce-source inventory | head`: the reader went away; stop, as if interrupted.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') controller.abort(new Interrupted(undefined, 'stdout closed'));
});

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  isTTY: process.stderr.isTTY === true,
  signal: controller.signal,
});
