#!/usr/bin/env node
import { fastCommand, runFastCommand } from './fast-path.js';

const argv = process.argv.slice(2);
// ping and list --json from a running daemon skip loading the CLI (~25 ms of a ~90 ms call, issue #3 §6).
const fast = fastCommand(argv);
if (!fast || !(await runFastCommand(fast))) {
  const { main } = await import('../cli/main.js');
  process.exitCode = await main(argv);
}
