// Runs a program under tmux, steps through it, and saves chosen screens as PNG files.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ansiToHtml } from './ansi-to-html.mjs';
import { htmlToPng } from './html-to-png.mjs';
import { startTmux } from './tmux.mjs';

/** What a screenshot run gets unless told otherwise: 256 colours and truecolor, UTF-8 glyphs. */
export const SCREEN_ENV = { TERM: 'xterm-256color', COLORTERM: 'truecolor', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' };

/**
 * @typedef {object} Step One action, then an optional screenshot; fields run in this order.
 * @property {[number, number]} [resize] new terminal size, [cols, rows]
 * @property {string[]} [keys] tmux key names: 'Enter', 'Up', 'Tab', 'C-c', 'q'
 * @property {string} [text] typed literally
 * @property {string | RegExp} [waitFor] text the screen must show before going on
 * @property {number} [timeoutMs] deadline of waitFor (default 15 s)
 * @property {number} [quietMs] how long the screen must stay unchanged before a shot (default 300 ms)
 * @property {string} [shot] save the screen as `<outDir>/<shot>.png`
 */

/**
 * Starts `cmd` in a `cols` x `rows` tmux terminal, runs `steps` in order and saves each `shot`
 * as a PNG in `outDir` (default `screenshots/`). Returns what was saved, with timings.
 * @param {{ cmd: string[], cols: number, rows: number, steps: Step[], env?: Record<string, string>, cwd?: string, outDir?: string, scale?: number, keepHtml?: boolean, log?: (line: string) => void }} options
 */
export async function captureScreens({ cmd, cols, rows, steps, env = {}, cwd, outDir = 'screenshots', scale = 1, keepHtml = false, log = () => {} }) {
  fs.mkdirSync(outDir, { recursive: true });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pmd-shots-'));
  const tmux = startTmux({ cmd, cols, rows, env: { ...SCREEN_ENV, ...env }, cwd });
  const saved = [];
  try {
    for (const step of steps) {
      if (step.resize) tmux.resize(step.resize[0], step.resize[1]);
      if (step.keys) tmux.sendKeys(...step.keys);
      if (step.text !== undefined) tmux.sendText(step.text);
      if (step.waitFor !== undefined) await tmux.waitForText(step.waitFor, step.timeoutMs);
      if (step.shot === undefined) continue;
      const screen = await tmux.waitForStable(step.quietMs ?? 300);
      const started = Date.now();
      const size = tmux.size();
      const { html, width, height } = ansiToHtml(screen, { ...size, title: step.shot });
      const htmlFile = path.join(keepHtml ? outDir : work, `${step.shot}.html`);
      fs.writeFileSync(htmlFile, html);
      const png = path.join(outDir, `${step.shot}.png`);
      await htmlToPng(htmlFile, png, { width, height, scale });
      const ms = Date.now() - started;
      saved.push({ name: step.shot, png, cols: size.cols, rows: size.rows, ms });
      log(`${png}  ${size.cols}x${size.rows}  ${ms} ms`);
    }
  } finally {
    await tmux.kill();
    fs.rmSync(work, { recursive: true, force: true });
  }
  return saved;
}

// `node scripts/screenshots/capture.mjs --demo [outDir]`: proves the pipeline on coloured `ls` output.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [flag, outDir = path.join(os.tmpdir(), 'pmd-screenshot-demo')] = process.argv.slice(2);
  if (flag !== '--demo') {
    process.stderr.write('usage: node scripts/screenshots/capture.mjs --demo [outDir]\n(import captureScreens for real runs)\n');
    process.exit(2);
  }
  const palette = Array.from({ length: 16 }, (_, i) => `\\e[48;5;${i}m  `).join('') + '\\e[0m';
  const script = `ls --color=always -l /usr/bin | head -12; printf '${palette}\\n\\e[1mbold\\e[0m \\e[2mdim\\e[0m \\e[7minverse\\e[0m \\e[38;2;255;135;0mtruecolor\\e[0m ▁▂▃▄▅▆▇█ ╭─┼─╮\\n'; read -r _`;
  const saved = await captureScreens({
    cmd: ['bash', '-c', script],
    cols: 100,
    rows: 16,
    outDir,
    keepHtml: true,
    log: (line) => process.stdout.write(`${line}\n`),
    steps: [{ waitFor: 'truecolor', shot: 'demo-ls' }, { resize: [70, 16], waitFor: 'truecolor', shot: 'demo-ls-70' }],
  });
  if (saved.length !== 2) process.exit(1);
}
