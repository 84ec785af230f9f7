// What the build's bundle scripts share: rolldown from one input to exactly one output file, timed and reported.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';

/** The repository; the build's paths are relative to it. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** `rel` inside the repository. */
export const inRepo = (rel) => path.join(ROOT, rel);

/**
 * Bundles `input` into the single file `file` (`output`: rolldown output options; `finish(code)` may
 * rewrite the code before it is written with `mode`), prints one line under `label`, fails on more than one chunk.
 */
export async function oneFileBundle({ label, input, file, options = {}, output, finish = (code) => code, mode = 0o644 }) {
  const t0 = performance.now();
  const bundle = await rolldown({ input, platform: 'node', logLevel: 'warn', ...options });
  try {
    // No dynamic import may become a second chunk: the build ships one file.
    const { output: chunks } = await bundle.generate({ codeSplitting: false, minify: false, sourcemap: false, ...output });
    const [chunk, ...more] = chunks;
    if (chunk?.type !== 'chunk' || more.length > 0) throw new Error(`${label}: expected one file, rolldown made ${chunks.map((c) => c.fileName).join(', ')}`);
    const text = finish(chunk.code);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text, { mode });
    fs.chmodSync(file, mode);
    console.log(`${label}: ${path.relative(ROOT, file)} (${(Buffer.byteLength(text) / 1024).toFixed(0)} KB) in ${(performance.now() - t0).toFixed(0)} ms`);
  } finally {
    await bundle.close();
  }
}
