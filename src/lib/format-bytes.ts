const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'] as const;

/** "512 B", "1.5 MiB", "600 MiB": binary units, at most one decimal. */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  // Round before choosing the unit, so 1048575 B shows as "1 MiB", not "1024 KiB".
  while (unit < UNITS.length - 1 && roundFor(value, unit) >= 1024) {
    value /= 1024;
    unit++;
  }
  const text = unit === 0 || value >= 100 ? Math.round(value).toString() : value.toFixed(1).replace(/\.0$/, '');
  return `${text} ${UNITS[unit]}`;
}

function roundFor(value: number, unit: number): number {
  return unit === 0 || value >= 100 ? Math.round(value) : Number(value.toFixed(1));
}
