import { beforeAll, describe, expect, it } from 'vitest';
import type { LogPane as LogPaneType } from '../../../../src/tui/logs/LogPane.js';
import type { renderLines as RenderLines } from './render-at.js';
import { createTheme } from '../../../../src/tui/theme.js';

// Ink's colouring decides its level when it is first imported: force colours before that.
process.env.FORCE_COLOR = '1';
let LogPane: typeof LogPaneType;
let renderLines: typeof RenderLines;
beforeAll(async () => {
  ({ LogPane } = await import('../../../../src/tui/logs/LogPane.js'));
  ({ renderLines } = await import('./render-at.js'));
});

const ESC = '\x1b';
const line = (seq: number, text: string, instance = 0, stream: 'out' | 'err' = 'out') => ({ seq, text, stream, instance });

describe('LogPane colours', () => {
  it('highlights matches inverted, the current one in the warning colour, and keeps the line colour after them', () => {
    const lines = [line(7, `${ESC}[31mred error here, another error${ESC}[0m`)];
    const rows = renderLines(
      <LogPane title="t" lines={lines} width={60} height={2} theme={createTheme('16', true)} follow newLines={0} search={{ query: 'ERROR', current: 1, total: 2, hit: { seq: 7, occurrence: 1 } }} />,
      80,
    );
    const row = rows[1] ?? '';
    expect(row).toContain(`${ESC}[31mred ${ESC}[7merror${ESC}[27m here, another `);
    // The current match: bold, underlined and yellow.
    const current = row.slice(row.indexOf('another '));
    expect(current).toContain(`${ESC}[1m`);
    expect(current).toContain(`${ESC}[4m`);
    expect(current).toContain(`${ESC}[33merror`);
  });

  it('colours merged-view prefixes by instance, and not at all with no colour', () => {
    const lines = [line(0, 'a', 0), line(1, 'b', 1), line(2, 'c', 0)];
    const coloured = renderLines(<LogPane title="t" lines={lines} width={30} height={4} theme={createTheme('16', true)} follow newLines={0} prefixes={{ app: 'web' }} />, 40);
    expect(coloured[1]).toContain(`${ESC}[36mweb-0`);
    expect(coloured[2]).toContain(`${ESC}[35mweb-1`);
    expect(coloured[3]).toContain(`${ESC}[36mweb-0`);
    const plain = renderLines(<LogPane title="t" lines={lines} width={30} height={4} theme={createTheme('none', false)} follow newLines={0} prefixes={{ app: 'web' }} />, 40);
    expect(plain.slice(1)).toEqual(['web-0 a', 'web-1 b', 'web-0 c']);
  });

  it('draws stderr lines without colours of their own in the error colour', () => {
    const rows = renderLines(<LogPane title="t" lines={[line(0, 'boom', 0, 'err'), line(1, `${ESC}[32mok${ESC}[0m`, 0, 'err')]} width={30} height={3} theme={createTheme('16', true)} follow newLines={0} />, 40);
    expect(rows[1]).toBe(`${ESC}[31mboom${ESC}[39m`);
    expect(rows[2]).toBe(`${ESC}[32mok${ESC}[39m`);
  });
});
