// Pure: the figures, their targets (issue #3 §6) and the printed table.

/** Rows of the comparison from the measured results; ratio = pmdaemon / PM2, PASS when ratio <= target. */
export function buildRows(r) {
  const pmd = 'pmdaemon';
  const pm2 = 'PM2';
  const rows = [
    { figure: 'CLI round trip: ping', unit: 'ms', a: r.rtt[pmd].ping, b: r.rtt[pm2].ping, target: 0.25 },
    { figure: 'CLI round trip: list', unit: 'ms', a: r.rtt[pmd].list, b: r.rtt[pm2].list, target: 0.25 },
    { figure: '50 instances online', unit: 'ms', a: r.start[pmd].online, b: r.start[pm2].online, target: 0.5 },
    { figure: 'daemon RSS idle', unit: 'MB', a: r.idle[pmd] / 2 ** 20, b: r.idle[pm2] / 2 ** 20, target: 0.8 },
    { figure: 'memory per extra instance', unit: 'KB', a: r.perInstance[pmd] / 1024, b: r.perInstance[pm2] / 1024, target: 0.5 },
  ];
  return rows.map((row) => {
    const ratio = row.a / row.b;
    return { ...row, ratio, pass: Number.isFinite(ratio) && ratio <= row.target };
  });
}

/** The table as aligned text lines. */
export function formatTable(rows) {
  const cells = [['figure', 'pmdaemon', 'PM2', 'ratio', 'target', 'result']];
  for (const row of rows) {
    cells.push([row.figure, `${fmt(row.a)} ${row.unit}`, `${fmt(row.b)} ${row.unit}`, `${row.ratio.toFixed(2)}×`, `≤ ${row.target}×`, row.pass ? 'PASS' : 'FAIL']);
  }
  const widths = cells[0].map((_, col) => Math.max(...cells.map((line) => line[col].length)));
  return cells.map((line) => line.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]) : cell.padStart(widths[col]))).join('  '));
}

function fmt(value) {
  return Math.abs(value) >= 100 ? String(Math.round(value)) : value.toFixed(1);
}
