import { writeSync } from 'node:fs';

const ENTER_ALT = '\x1b[?1049h\x1b[?25l';
// Clear + home first, or tmux leaks rows into the scrollback after a resize (see the Ink notes).
const LEAVE_ALT = '\x1b[2J\x1b[H\x1b[?25h\x1b[?1049l';

/** Switches to the alternate screen and returns a restore function that is safe to call twice. */
export function enterFullScreen(stdout: NodeJS.WriteStream): () => void {
  stdout.write(ENTER_ALT);
  let restored = false;
  return () => {
    if (restored) return;
    restored = true;
    try {
      // Synchronous, so it lands even when the process is about to die.
      const fd = (stdout as unknown as { fd?: unknown }).fd;
      if (typeof fd === 'number') writeSync(fd, LEAVE_ALT);
      else stdout.write(LEAVE_ALT);
    } catch {
      // The terminal is gone (SIGHUP): nothing left to restore.
    }
  };
}

/**
 * Restores the terminal on every way out: SIGTERM, SIGHUP, an uncaught error, process exit.
 * `onSignal` gets the chance to close things (detach from the daemon) before the exit.
 */
export function guardExits(restore: () => void, onSignal: (signal: NodeJS.Signals) => void): () => void {
  const signals: NodeJS.Signals[] = ['SIGTERM', 'SIGHUP'];
  const handlers = signals.map((signal) => {
    const handler = (): void => {
      restore();
      onSignal(signal);
    };
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  const onCrash = (error: unknown): void => {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    // The terminal went away (SSH dropped): not a crash, a reason to quit cleanly.
    if (code === 'EIO' || code === 'EPIPE') return onSignal('SIGHUP');
    restore();
    process.stderr.write(`pmdaemon monit crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  };
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  process.on('exit', restore);
  return () => {
    for (const [signal, handler] of handlers) process.off(signal, handler);
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
    process.off('exit', restore);
  };
}
