import type { Glyphs } from '../theme.js';
import type { TopologyEdge, TopologyModel, TopologyRow } from './build-topology.js';
import { fitLine, type Segment, type StyledLine } from './styled-text.js';

export interface TopologyLayout {
  glyphs: Glyphs;
  width: number;
  /** Lines available; unlimited when omitted (text output). */
  height?: number;
  /** The selected row index; when given, each tree line starts with a selection column. */
  selected?: number;
}

/** The topology as styled lines within width (and height, scrolled to keep `selected` in view). */
export function topologyLines(model: TopologyModel, layout: TopologyLayout): StyledLine[] {
  const fit = (line: StyledLine): StyledLine => fitLine(line, layout.width, layout.glyphs.ellipsis);
  if (model.rows.length === 0) return [fit([{ text: 'no apps', tone: 'dim' }])];
  const instances = model.rows.filter((r) => r.kind === 'instance');
  const labels = new Map<string | undefined, number>();
  for (const r of instances) labels.set(r.app, Math.max(labels.get(r.app) ?? 0, r.label.length));
  const widths: ColumnWidths = {
    labels,
    status: Math.max(0, ...instances.map((r) => r.status?.length ?? 0)),
    health: Math.max(0, ...instances.map((r) => (r.health === 'unknown' ? 0 : (r.health?.length ?? 0)))),
  };
  const tree = model.rows.map((row, index) => treeLine(row, index, widths, layout));
  const edges = model.edges.map((e) => edgeLine(e, layout.glyphs));
  const none: StyledLine = [{ text: '  none found', tone: 'dim' }];
  const section: StyledLine[] = [[{ text: 'connections', tone: 'accent' }], ...(edges.length > 0 ? edges : [none])];
  const height = layout.height;
  if (height === undefined || tree.length + 1 + section.length <= height) return [...tree, [], ...section].map(fit);
  const { treeLines, sectionLines } = split(height, tree.length, section.length);
  const start = scrollStart(layout.selected ?? 0, tree.length, treeLines);
  const shownTree = tree.slice(start, start + treeLines);
  if (sectionLines === 0) return shownTree.map(fit);
  return [...shownTree, [], ...clip(section, sectionLines)].map(fit);
}

/** The first visible row: `selected` centred when the tree scrolls, clamped to the ends. */
export function scrollStart(selected: number, total: number, visible: number): number {
  if (total <= visible) return 0;
  return Math.max(0, Math.min(total - visible, selected - Math.floor(visible / 2)));
}

// The tree gets the room; connections keep their header and a line or more (up to a third), or the tree's leftovers.
function split(height: number, tree: number, section: number): { treeLines: number; sectionLines: number } {
  if (height < 6) return { treeLines: Math.min(tree, height), sectionLines: 0 };
  const treeLines = Math.min(tree, height - 1 - Math.min(section, Math.max(2, Math.floor(height / 3))));
  return { treeLines, sectionLines: Math.min(section, height - 1 - treeLines) };
}

function clip(section: readonly StyledLine[], lines: number): StyledLine[] {
  if (section.length <= lines) return [...section];
  const hidden = section.length - (lines - 1);
  return [...section.slice(0, lines - 1), [{ text: `  +${hidden} more`, tone: 'dim' }]];
}

// Instance columns line up: status, health and pid across the tree.
interface ColumnWidths {
  /** Per app: its instances' labels line up with each other. */
  labels: ReadonlyMap<string | undefined, number>;
  status: number;
  health: number;
}

function treeLine(row: TopologyRow, index: number, widths: ColumnWidths, layout: TopologyLayout): StyledLine {
  const g = layout.glyphs;
  const out: Segment[] = [];
  if (layout.selected !== undefined) {
    const on = index === layout.selected;
    out.push({ text: on ? `${g.selected} ` : ' '.repeat(g.selected.length + 1), tone: 'accent' });
  }
  if (row.depth > 0) {
    const guides = row.continues.map((c) => (c ? g.treePipe : ' '.repeat(g.treePipe.length))).join('');
    out.push({ text: `${guides}${row.last ? g.treeLast : g.treeBranch} `, tone: 'dim' });
  }
  switch (row.kind) {
    case 'namespace':
      out.push({ text: row.label, tone: 'accent' }, { text: '  namespace', tone: 'dim' });
      break;
    case 'app':
      out.push({ text: row.label }, { text: `  ${row.online ?? 0}/${row.total ?? 0} online`, tone: 'dim' });
      break;
    case 'instance': {
      const health = row.health === undefined || row.health === 'unknown' ? '' : row.health;
      out.push({ text: row.label.padEnd(widths.labels.get(row.app) ?? 0), ...(row.status ? { tone: { status: row.status } } : {}) });
      out.push({ text: '  ' }, { text: (row.status ?? '').padEnd(widths.status), ...(row.status ? { tone: { status: row.status } } : {}) });
      if (widths.health > 0) out.push({ text: '  ' }, { text: health.padEnd(widths.health), ...(row.health ? { tone: { health: row.health } } : {}) });
      if (row.pid !== undefined) out.push({ text: `  pid ${row.pid}`, tone: 'dim' });
      break;
    }
    case 'port':
      out.push({ text: row.label });
      break;
  }
  return out;
}

function edgeLine(edge: TopologyEdge, g: Glyphs): StyledLine {
  return [{ text: `  ${edge.from} ${g.arrow} ${edge.to}` }, { text: `  (${edge.detail})`, tone: 'dim' }];
}
