#!/usr/bin/env node
import { fastCommand, runFastCommand } from './fast-path.js';
import { restoreSavedEnv } from '../lib/saved-env.js';

const argv = process.argv.slice(2);
// ping and list --json from a running daemon skip loading the CLI (issue #3 §6).
const fast = fastCommand(argv);
// No top-level await: the same source is bundled as CommonJS (scripts/bundle-cli.mjs).
void (fast ? runFastCommand(fast) : Promise.resolve(false)).then(async (answered) => {
  if (answered) return;
  restoreSavedEnv(process.env);
  const { main } = await import('../cli/main.js');
  process.exitCode = await main(argv);
});
