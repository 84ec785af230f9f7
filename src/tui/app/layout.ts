/** Rows of each part of the grid view, from the terminal size and focus (pure). */
export function gridLayout(rows: number, focus: 'grid' | 'logs', banner: boolean): { header: number; banner: number; grid: number; bottom: number; footer: number } {
  // One row short of the terminal: at full height Ink 6 clears the screen every frame (flicker).
  const total = rows - 1;
  const header = 2;
  const footer = 1;
  const bannerRows = banner ? 1 : 0;
  const body = Math.max(2, total - header - footer - bannerRows);
  const grid = focus === 'logs' ? Math.min(5, Math.floor(body / 3)) : Math.max(4, Math.round(body * 0.55));
  return { header, banner: bannerRows, grid, bottom: Math.max(0, body - grid), footer };
}
