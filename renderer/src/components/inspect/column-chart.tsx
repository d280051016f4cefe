/**
 * Vertical bars in plain SVG, for a histogram whose buckets read left to right (time to live). Like the bar
 * chart, one image whose accessible name carries every figure, with each value drawn above its column.
 */
import { barLength, ChartFrame, type ChartProps } from './bar-chart';

const COL = 68;
const PLOT_H = 120;
const TOP = 18;
const LABEL_H = 22;

export function ColumnChart({ bars, label, testId }: ChartProps) {
  const max = Math.max(0, ...bars.map((b) => b.value));
  const width = Math.max(COL, bars.length * COL);
  const height = TOP + PLOT_H + LABEL_H;
  return (
    <ChartFrame kind="chart-columns" label={label} width={width} height={height} testId={testId}>
      {bars.map((b, i) => {
        const h = barLength(b.value, max, PLOT_H);
        const x = i * COL;
        return (
          <g key={b.key}>
            <rect x={x + 10} y={TOP + PLOT_H - h} width={COL - 20} height={h} className="chart-bar" rx="3" />
            <text x={x + COL / 2} y={TOP + PLOT_H - h - 4} className="chart-value" textAnchor="middle">
              {b.valueText}
            </text>
            <text x={x + COL / 2} y={TOP + PLOT_H + 15} className="chart-label" textAnchor="middle">
              {b.label}
            </text>
          </g>
        );
      })}
      <line x1="0" x2={width} y1={TOP + PLOT_H} y2={TOP + PLOT_H} className="chart-axis" />
    </ChartFrame>
  );
}
