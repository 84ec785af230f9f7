// What one key costs monit, in process: a selection move in the grid of 200 instances at 120x40,
// timed from the command to Ink's write of the frame, with the UI bundle that monit loads (Ink with
// src/tui/ink swapped in) or, with --ink, Ink's own modules unbundled (its Output and widest-line).
//   npm run build && node bench/tui/key-frame.mjs [--ink] [--moves 300]
import { PassThrough, Writable } from 'node:stream';
import { loadTestHelpers } from '../lib/test-helpers.mjs';
import { median } from '../vs-pm2/proc.mjs';

const arg = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const MOVES = Number(arg('--moves', 300));
const INK = process.argv.includes('--ink');
const [COLUMNS, ROWS] = [120, 40];

// As monit runs: React's production build, true colour (chalk reads FORCE_COLOR on load).
process.env.NODE_ENV = 'production';
process.env.FORCE_COLOR = '3';
const dist = (file) => new URL(`../../dist/${file}`, import.meta.url).href;
const { render, createElement, App } = await import(dist(INK ? 'tui/app/ui-modules.js' : 'tui/ui-bundle.js'));
const { createUiStore } = await import(dist('tui/state/ui-state.js'));
const { Controller } = await import(dist('tui/app/controller.js'));
const { createLogSource } = await import(dist('tui/app/tui-log-source.js'));
const { createTheme } = await import(dist('tui/theme.js'));
const { DEFAULT_BINDINGS } = await import(dist('tui/keymap.js'));
const [{ makeSpec }, { onlineInstance }] = await loadTestHelpers(['make-spec.ts', 'online-instance.ts']);

/** 4 apps x 50 online instances with a minute of history each, as the TUI bench's cluster shows. */
function mirror(now) {
  const apps = {};
  for (const name of ['a', 'b', 'c', 'd']) {
    const spec = makeSpec({ name, instances: 50, port: { kind: 'range', from: 3000, to: 3049 } });
    const history = Array.from({ length: 60 }, (_, k) => ({ at: now - (60 - k) * 1000, cpu: (k * 7) % 5, memory: 40e6 }));
    apps[name] = { spec, instances: Array.from({ length: 50 }, (_, id) => onlineInstance(name, id, { port: 3000 + id, startedAt: now - 65_000, health: 'healthy', cpu: 1.5, memory: 40e6, history })) };
  }
  return { apps, host: { cpu: 3, cpus: 2, memUsed: 3e9, memTotal: 8e9, load: [0.1, 0.2, 0.3] }, startedAt: now - 3_600_000, seq: 1 };
}

const now = Date.now();
const ui = createUiStore({ mirror: mirror(now), connection: 'connected', columns: COLUMNS, rows: ROWS, now: Math.floor(now / 1000) * 1000 });
const logs = createLogSource(ui);
// A full log pane below the grid: 300 lines of the first instances.
for (let seq = 0; seq < 300; seq++) for (const instance of [0, 1, 2]) logs.append({ type: 'log', seq, app: 'a', instance, stream: 'out', lines: [`line ${seq} `.padEnd(80, 'x')] });
ui.setState({ logWindow: logs.window(ui.getState()) });
const controller = new Controller(ui, () => undefined, () => undefined, () => 17);

let written;
const stdout = Object.assign(new Writable({ write: (chunk, _encoding, done) => (written?.(), done()) }), { isTTY: true, columns: COLUMNS, rows: ROWS });
const stdin = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => undefined, ref: () => undefined, unref: () => undefined });
const app = render(createElement(App, { store: ui, controller, bindings: DEFAULT_BINDINGS, theme: createTheme('truecolor', true), unicode: true, logs }), {
  stdout,
  stdin,
  exitOnCtrlC: false,
  patchConsole: false,
  maxFps: 60,
});

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
await pause(200);
const times = [];
for (let i = 0; i < MOVES; i++) {
  // Past Ink's 60 fps throttle, so every move draws at once.
  await pause(20);
  const frame = new Promise((resolve) => (written = resolve));
  const t0 = performance.now();
  controller.run(i % 2 === 0 ? 'down' : 'up');
  await frame;
  times.push(performance.now() - t0);
}
app.unmount();

times.sort((a, b) => a - b);
const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(1);
console.log(`key frame, ${INK ? "Ink's own modules, unbundled" : 'the UI bundle monit loads'}: ${MOVES} selection moves, 200 instances, ${COLUMNS}x${ROWS}, node ${process.version}`);
console.log(`  command to frame write: p50 ${median(times).toFixed(1)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`);
process.exit(0);
