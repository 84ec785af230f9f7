import { PassThrough } from 'node:stream';
import type { SupervisorEvent, WireApp, WireState } from '../../../../src/api/types.js';
import type { CliClient, CommandContext } from '../../../../src/cli/command.js';

/** A command context whose client's subscription sends `apps` as its snapshot, and a capture of stdout. */
export function fakeContext(apps: Record<string, WireApp>, options: { asyncSnapshot?: boolean; noSnapshot?: boolean } = {}) {
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const calls = { subscribed: 0, unsubscribed: 0 };
  const state: WireState = { apps, host: null, startedAt: 0 };
  const client = {
    subscribe(onEvent: (event: SupervisorEvent) => void) {
      calls.subscribed++;
      const emit = (): void => onEvent({ type: 'snapshot', seq: 0, state });
      if (options.noSnapshot) return () => calls.unsubscribed++;
      if (options.asyncSnapshot) setImmediate(emit);
      else emit();
      return () => calls.unsubscribed++;
    },
  } as unknown as CliClient;
  const ctx: CommandContext = {
    io: { stdout, stderr: new PassThrough(), env: {}, cwd: process.cwd(), untilInterrupted: () => new Promise(() => {}) },
    connect: async () => client,
  };
  return { ctx, client, calls, output: () => out };
}
