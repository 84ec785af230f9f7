// Pure readings of a captured screen (plain text from tmux capture-pane).

const INSTANCE_ROW = /^[ ›>] [A-Za-z0-9._-]+-\d+ +(online|starting|stopping|stopped|errored|backoff)\b/m;

/** True once the grid shows its column header and at least one instance row. */
export function showsGrid(screen) {
  return /^ {2}NAME /m.test(screen) && INSTANCE_ROW.test(screen);
}

/** Row index of the selection marker (`›` or `>` in column 0), or -1. */
export function selectedRow(screen) {
  return screen.split('\n').findIndex((line) => line.startsWith('›') || line.startsWith('>'));
}

/** Lines that differ between two screens, each with a short before/after excerpt around the change. */
export function changedLines(before, after) {
  const a = before.split('\n');
  const b = after.split('\n');
  const changes = [];
  for (let row = 0; row < Math.max(a.length, b.length); row++) {
    const x = a[row] ?? '';
    const y = b[row] ?? '';
    if (x === y) continue;
    let start = 0;
    while (x[start] === y[start]) start++;
    let end = 0;
    while (end < Math.min(x.length, y.length) - start && x[x.length - 1 - end] === y[y.length - 1 - end]) end++;
    const from = Math.max(0, start - 12);
    changes.push({ row, column: start, before: x.slice(from, x.length - end).trimStart(), after: y.slice(from, y.length - end).trimStart() });
  }
  return changes;
}
