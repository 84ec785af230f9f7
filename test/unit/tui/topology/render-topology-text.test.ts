import { describe, expect, it } from 'vitest';
import { buildTopology } from '../../../../src/tui/topology/build-topology.js';
import { renderTopologyText } from '../../../../src/tui/topology/render-topology-text.js';
import { createTheme } from '../../../../src/tui/theme.js';
import { threeTier } from './wire-fixtures.js';

describe('renderTopologyText', () => {
  it('prints the tree and connections as plain text, without a selection column', () => {
    const lines = renderTopologyText(buildTopology(threeTier()), { width: 80, color: false, theme: createTheme('none', false) });
    expect(lines[0]).toBe('default  namespace');
    expect(lines[1]).toBe('|- api  4/4 online');
    expect(lines).toContain('`- worker  2/2 online');
    expect(lines.slice(-2)).toEqual(['connections', '  frontend -> api  (env BACKEND_URLS)']);
    for (const line of lines) expect(line).toBe(line.trimEnd());
  });

  it('cuts lines to the width with the ellipsis glyph', () => {
    const lines = renderTopologyText(buildTopology(threeTier()), { width: 20, color: false, theme: createTheme('none', true) });
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(20);
    expect(lines.some((l) => l.endsWith('…'))).toBe(true);
  });

  it('colours with ANSI codes only when asked and the theme has colour', () => {
    const model = buildTopology(threeTier());
    const coloured = renderTopologyText(model, { width: 80, color: true, theme: createTheme('16', true) }).join('\n');
    expect(coloured).toContain('\x1b[32monline\x1b[39m');
    const plain = renderTopologyText(model, { width: 80, color: true, theme: createTheme('none', true) }).join('\n');
    expect(plain).not.toContain('\x1b[');
  });

  it('says so when there are no apps', () => {
    expect(renderTopologyText(buildTopology({}), { width: 80, color: false, theme: createTheme('none', true) })).toEqual(['no apps']);
  });
});
