import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, requireBuild } from './cli-support.js';

beforeAll(requireBuild);

const BUNDLE = path.join(ROOT, 'dist/tui/ui-bundle.js');

describe('the bundled UI modules monit loads', () => {
  it('are built with dist/ and load in a plain node process with what run-tui needs', () => {
    expect(fs.existsSync(BUNDLE), `${BUNDLE} is built by npm run build (scripts/bundle-ui.mjs)`).toBe(true);
    const script = `const m = await import(${JSON.stringify(BUNDLE)}); console.log(JSON.stringify(Object.keys(m).sort()))`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
    expect(JSON.parse(out)).toEqual(['App', 'createElement', 'render']);
  });

  it('hold React production builds only and no devtools', () => {
    const text = fs.readFileSync(BUNDLE, 'utf8');
    // Booleans, not the 800 KB text, in a failure message.
    expect(text.includes('react.development'), 'React development build in the bundle').toBe(false);
    expect(/(from|import\()\s*["']react-devtools-core["']/.test(text), 'an import of react-devtools-core').toBe(false);
  });

  it("draw through our Output, widest-line and measure-text (src/tui/ink), not Ink's, which re-measure the whole screen every frame", () => {
    const text = fs.readFileSync(BUNDLE, 'utf8');
    // The bundler heads each module with a "// path" line.
    for (const ours of ['output', 'string-width', 'measure-text']) expect(text.includes(`\n// dist/tui/ink/${ours}.js\n`), `src/tui/ink/${ours}.ts in the bundle`).toBe(true);
    for (const inks of ['ink/build/output.js', 'ink/build/measure-text.js', 'widest-line/index.js']) expect(text.includes(`\n// node_modules/${inks}\n`), `${inks} in the bundle`).toBe(false);
  });
});
