#!/usr/bin/env node
// The `bigcommerce-source` command. The only file that touches `process`; everything else runs
// in-process through runCli (see test/cli).
import process from 'node:process';
import { runCli } from './run';

const controller = new AbortController();
let interrupts = 0;
process.on('SIGINT', () => {
  interrupts += 1;
  // The first Ctrl-C stops the run cleanly (and prints the cursor to resume from); a second one quits.
  if (interrupts > 1) process.exit(130);
  controller.abort(new Error('interrupted'));
});
// `bigcommerce-source inventory | head`: the reader went away; stop, as if interrupted.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') controller.abort(new Error('stdout closed'));
});

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  isTTY: process.stderr.isTTY === true,
  signal: controller.signal,
});
