import type { Theme } from '../theme.js';
import type { TopologyModel } from './build-topology.js';
import { ansiText, plainText } from './styled-text.js';
import { topologyLines } from './topology-lines.js';

export interface TextRenderOptions {
  width: number;
  /** ANSI colours from the theme; plain text when false. */
  color: boolean;
  /** Glyphs and colours; the text renderer never loads Ink or React. */
  theme: Theme;
}

/** The topology as text lines for `pmdaemon topology` (the same lines the TUI view draws). */
export function renderTopologyText(model: TopologyModel, options: TextRenderOptions): string[] {
  return topologyLines(model, { glyphs: options.theme.glyphs, width: options.width }).map((line) =>
    options.color ? ansiText(line, options.theme) : plainText(line).trimEnd(),
  );
}
