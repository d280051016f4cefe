/**
 * The machine's floor for the renderer benchmark: a page with nothing but a search box and a table the size
 * of the fleet grid's visible part (16 rows × 10 cells), whose input handler rewrites every cell's text on
 * every key, as a broad search prefix rewrites the grid's rows. No app, no index, no React: what is left is
 * the browser's own cost of a key that changes the rows on screen (editing the box, style, layout, paint,
 * commit), measured with the same probe, keys and pacing as the app. A variant that changes nothing gives
 * the floor of a key alone.
 */
export type BareMode = 'rewrite' | 'nothing';

export function bareGridPage(mode: BareMode): string {
  return `<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; font: 13px system-ui, sans-serif; color: #111827; }
input { margin: 12px; width: 320px; font: inherit; padding: 6px 8px; }
table { border-collapse: collapse; table-layout: fixed; width: 1240px; }
td { padding: 0 8px; height: 33px; border-bottom: 1px solid #e5e7eb; white-space: nowrap; overflow: hidden;
  text-overflow: ellipsis; }
td:nth-child(2) { font-family: monospace; }
</style></head><body><input type="search" aria-label="Search"><table><tbody></tbody></table><script>
const body = document.querySelector('tbody');
let n = 1;
const next = () => { n = (n * 1103515245 + 12345) & 0x7fffffff; return n.toString(36); };
const text = (i) => i % 10 === 0 ? 'orders-' + next().slice(0, 5) : i % 10 === 1 ? 'crs-' + next().slice(0, 8)
  : next().slice(0, 7);
for (let r = 0; r < 16; r++) {
  const row = document.createElement('tr');
  for (let c = 0; c < 10; c++) { const cell = document.createElement('td'); cell.textContent = text(c); row.append(cell); }
  body.append(row);
}
const cells = [...body.querySelectorAll('td')];
document.querySelector('input').addEventListener('input', () => {
  if (${JSON.stringify(mode)} === 'nothing') return;
  cells.forEach((cell, i) => { cell.firstChild.data = text(i); });
});
</script></body></html>`;
}
