// A tmux control-mode client (`tmux -C`): commands over one pipe, so a screen poll costs a round
// trip to the server instead of spawning a tmux process (10-20 ms on a loaded machine).
import { spawn } from 'node:child_process';

const BLOCK_END = /^%(end|error) \d+ \d+ (\d+)$/;

/** Attaches to session `target` through `tmuxArgs` (socket, config); `run(line)` resolves the command's output. */
export function createControlClient(tmuxArgs, target, env) {
  const child = spawn('tmux', [...tmuxArgs, '-C', 'attach-session', '-t', target], { env, stdio: ['pipe', 'pipe', 'ignore'] });
  const pending = [];
  let block;
  let rest = '';
  child.stdout.setEncoding('utf8').on('data', (chunk) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) {
      if (block === undefined) {
        if (line.startsWith('%begin ')) block = { ours: line.endsWith(' 1'), lines: [] };
        continue;
      }
      const end = BLOCK_END.exec(line);
      if (!end) {
        block.lines.push(line);
        continue;
      }
      // Flags 1: a command we sent (0 is tmux's own, such as the attach itself).
      if (block.ours) {
        const waiter = pending.shift();
        if (end[1] === 'end') waiter?.resolve(block.lines.join('\n'));
        else waiter?.reject(new Error(`tmux: ${block.lines.join(' ')}`));
      }
      block = undefined;
    }
  });
  child.on('exit', () => {
    for (const waiter of pending.splice(0)) waiter.reject(new Error('the tmux control client exited'));
  });
  return {
    /** Runs one tmux command line (arguments must not need quoting). */
    run(line) {
      return new Promise((resolve, reject) => {
        pending.push({ resolve, reject });
        child.stdin.write(`${line}\n`);
      });
    },
    close() {
      child.stdin.end();
      child.kill();
    },
  };
}
