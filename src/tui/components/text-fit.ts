/** Pads or cuts plain text to exactly `width` columns (cut text ends with `ellipsis`). */
export function fit(text: string, width: number, ellipsis = '…', align: 'left' | 'right' = 'left'): string {
  if (width <= 0) return '';
  if (text.length > width) return width === 1 ? text.slice(0, 1) : text.slice(0, width - 1) + ellipsis;
  return align === 'left' ? text.padEnd(width) : text.padStart(width);
}
