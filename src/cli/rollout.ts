import type { RollingProgress, SupervisorApi } from '../api/types.js';
import { parseDuration } from '../config/durations.js';
import { UsageError } from './exit-codes.js';
import { flagValue, type FlagDef, type ParsedArgs } from './flags.js';
import { formatRollingStep } from './format/rolling-step.js';
import type { CliIo } from './io.js';

/** The flags every rolling operation takes. */
export const ROLLOUT_FLAGS: readonly FlagDef[] = [
  { name: 'batch', type: 'string', value: 'K', help: 'instances restarted at once (default 1)' },
  { name: 'timeout', type: 'string', value: 'TIME', help: 'how long each instance may take to become ready (default 60s; "90s", "2m")' },
];

/** `--timeout` in ms: a number is seconds here, as a person types it; undefined when absent. */
export function parseTimeoutFlag(args: ParsedArgs): number | undefined {
  const text = flagValue(args, 'timeout');
  if (text === undefined) return undefined;
  try {
    const ms = parseDuration(text, { field: '--timeout', defaultUnit: 's' });
    if (ms > 0) return ms;
  } catch {
    // falls through to the usage error below
  }
  throw new UsageError(`--timeout "${text}" is not a duration; use seconds like 30, or "500ms", "90s", "2m"`);
}

/**
 * Runs a rolling operation while showing its progress: one line per step on stderr, or with
 * `json` one JSON object per step on stdout (NDJSON), ending with the `done`/`failed` step.
 */
export async function withRolloutProgress(client: SupervisorApi, io: CliIo, apps: (app: string) => boolean, json: boolean, run: () => Promise<void>): Promise<void> {
  const show = (app: string, step: RollingProgress): void => {
    if (json) {
      io.stdout.write(`${JSON.stringify({ app, ...step })}\n`);
      return;
    }
    const line = formatRollingStep(app, step);
    if (line !== undefined) io.stderr.write(`${line}\n`);
  };
  const unsubscribe = client.subscribe((e) => {
    if (e.type === 'rolling' && apps(e.app)) show(e.app, e.step);
  });
  try {
    await run();
  } finally {
    unsubscribe();
  }
}
