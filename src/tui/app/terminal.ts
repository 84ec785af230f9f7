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

/** What guardExits leaves the caller: `crash` for errors it catches itself (Ink's error boundary), `release` to stop guarding. */
export interface ExitGuard {
  crash(error: unknown): void;
  release(): void;
}

/**
 * Restores the terminal on every way out: SIGTERM, SIGHUP, an uncaught error, process exit.
 * `onSignal` ends the UI the way q does and restores after it: restoring first let Ink's last
 * frame, written as it unmounts, land on the normal screen (seen under tmux on SIGHUP).
 */
export function guardExits(restore: () => void, onSignal: (signal: NodeJS.Signals) => void): ExitGuard {
  const signals: NodeJS.Signals[] = ['SIGTERM', 'SIGHUP'];
  const handlers = signals.map((signal) => {
    const handler = (): void => onSignal(signal);
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  const crash = (error: unknown): void => {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    // The terminal went away (SSH dropped): not a crash, a reason to quit cleanly.
    if (code === 'EIO' || code === 'EPIPE') return onSignal('SIGHUP');
    restore();
    process.stderr.write(`pmdaemon monit crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  process.on('exit', restore);
  return {
    crash,
    release() {
      for (const [signal, handler] of handlers) process.off(signal, handler);
      process.off('uncaughtException', crash);
      process.off('unhandledRejection', crash);
      process.off('exit', restore);
    },
  };
}
