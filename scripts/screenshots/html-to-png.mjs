// Takes a PNG of an HTML file with headless Chromium (Debian package `chromium`).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The Chromium to use: $CHROMIUM, else the first of the usual names found on PATH. */
export function findChromium(env = process.env) {
  if (env.CHROMIUM) return env.CHROMIUM;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome']) {
    for (const dir of (env.PATH ?? '').split(path.delimiter)) {
      const file = path.join(dir, name);
      if (fs.existsSync(file)) return file;
    }
  }
  throw new Error('no Chromium found: install the Debian package `chromium` (apt-get install -y chromium) or set CHROMIUM');
}

/**
 * Screenshots `htmlFile` into `pngFile` at `width` x `height` CSS pixels (times `scale`), with a
 * throwaway profile and no network use beyond loading the file.
 */
export async function htmlToPng(htmlFile, pngFile, { width, height, scale = 1, timeoutMs = 60_000 }) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'pmd-chromium-'));
  const target = path.resolve(pngFile);
  fs.rmSync(target, { force: true });
  try {
    await run(
      findChromium(),
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-dev-shm-usage',
        '--hide-scrollbars',
        '--force-color-profile=srgb',
        `--force-device-scale-factor=${scale}`,
        `--user-data-dir=${profile}`,
        `--screenshot=${target}`,
        `--window-size=${Math.ceil(width)},${Math.ceil(height)}`,
        pathToFileURL(path.resolve(htmlFile)).href,
      ],
      { timeout: timeoutMs, killSignal: 'SIGKILL' },
    );
  } catch (error) {
    // Chromium often exits non-zero over harmless D-Bus noise: the file is what counts.
    if (!fs.existsSync(target)) throw new Error(`chromium made no screenshot of ${htmlFile}`, { cause: error });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  if (!fs.existsSync(target)) throw new Error(`chromium made no screenshot of ${htmlFile}`);
}

// `node html-to-png.mjs page.html out.png <width> <height> [scale]`
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [html, png, width, height, scale] = process.argv.slice(2);
  if (!html || !png || !width || !height) {
    process.stderr.write('usage: node scripts/screenshots/html-to-png.mjs <page.html> <out.png> <width> <height> [scale]\n');
    process.exit(2);
  }
  await htmlToPng(html, png, { width: Number(width), height: Number(height), scale: Number(scale ?? 1) });
}
