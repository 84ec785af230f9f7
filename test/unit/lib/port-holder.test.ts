import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import {
  describePortInUse,
  findPortHolder,
  formatPortInUse,
  parseListeningInodes,
  parseSocketInode,
} from '../../../src/lib/port-holder.js';
import { isPortFree } from '../../../src/lib/port-probe.js';

const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
});

async function pickFreePort(): Promise<number> {
  const start = 40_000 + Math.floor(Math.random() * 10_000);
  for (let port = start; port < start + 200; port++) {
    if (await isPortFree(port)) return port;
  }
  throw new Error(`no free port in ${start}-${start + 199}`);
}

const LISTENER = `require('node:net').createServer().listen(Number(process.argv[1]), '127.0.0.1', () => console.log('listening'))`;

/** Starts a node child listening on 127.0.0.1:port; resolves once it says so (5 s deadline). */
function startListener(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-e', LISTENER, String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    const deadline = setTimeout(() => reject(new Error('listener did not start within 5 s')), 5000);
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout?.on('data', (d: Buffer) => {
      if (!d.toString().includes('listening')) return;
      clearTimeout(deadline);
      resolve(child);
    });
    child.once('exit', (code) => {
      clearTimeout(deadline);
      reject(new Error(`listener exited with ${code}: ${stderr}`));
    });
  });
}

function killAndWait(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

const TCP_SAMPLE = [
  '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode',
  '   0: 0100007F:0BBA 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 41111 1 0000000000000000 100 0 0 10 0',
  '   1: 0100007F:0BBA 0100007F:C350 01 00000000:00000000 00:00000000 00000000  1000        0 42222 1 0000000000000000 20 4 30 10 -1',
  '   2: 00000000:0BB8 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 43333 1 0000000000000000 100 0 0 10 0',
  '',
].join('\n');

const TCP6_SAMPLE = [
  '  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode',
  '   0: 00000000000000000000000000000000:0BBA 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 44444 1 0000000000000000 100 0 0 10 0',
  '',
].join('\n');

describe('parseListeningInodes', () => {
  it('returns the inode of the LISTEN socket on the port and ignores connections and other ports', () => {
    expect(parseListeningInodes(TCP_SAMPLE, 3002)).toEqual(['41111']);
    expect(parseListeningInodes(TCP_SAMPLE, 3000)).toEqual(['43333']);
    expect(parseListeningInodes(TCP_SAMPLE, 3001)).toEqual([]);
  });

  it('reads IPv6 local addresses', () => {
    expect(parseListeningInodes(TCP6_SAMPLE, 3002)).toEqual(['44444']);
  });

  it('returns nothing for an empty or unreadable table', () => {
    expect(parseListeningInodes('', 3002)).toEqual([]);
  });
});

describe('parseSocketInode', () => {
  it('extracts the inode of a socket link and ignores other fd targets', () => {
    expect(parseSocketInode('socket:[12345]')).toBe('12345');
    expect(parseSocketInode('pipe:[12345]')).toBeUndefined();
    expect(parseSocketInode('/dev/null')).toBeUndefined();
  });
});

describe('formatPortInUse', () => {
  it('names the holder when it is known', () => {
    expect(formatPortInUse(3002, { pid: 812, name: 'nginx' })).toBe('port 3002 is in use by pid 812 (nginx)');
  });

  it('tells the user how to look the holder up when it is unknown', () => {
    expect(formatPortInUse(3002, undefined)).toBe(
      "port 3002 is in use by another program (its owner could not be identified; try: ss -ltnp 'sport = :3002')",
    );
  });
});

describe('findPortHolder with a real listener', () => {
  it('finds the pid and name of a child listening on 127.0.0.1, and nothing once it is killed', async () => {
    const port = await pickFreePort();
    const child = await startListener(port);

    expect(await isPortFree(port)).toBe(false);
    expect(findPortHolder(port)).toEqual({ pid: child.pid, name: 'node' });
    expect(describePortInUse(port)).toBe(`port ${port} is in use by pid ${child.pid} (node)`);

    await killAndWait(child);
    expect(findPortHolder(port)).toBeUndefined();
    expect(await isPortFree(port)).toBe(true);
  });

  it('returns undefined for a port nobody listens on', async () => {
    const port = await pickFreePort();
    expect(findPortHolder(port)).toBeUndefined();
  });
});
