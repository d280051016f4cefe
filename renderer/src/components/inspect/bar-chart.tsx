/**
 * Horizontal bars in plain SVG (no chart library: the renderer bundle has a 300 KB gzip budget). The SVG is
 * one image whose accessible name carries every figure, so a screen reader gets the numbers, not the shapes;
 * each bar's label and value are also drawn as text, so nobody has to read a length.
 */
import type { ReactNode } from 'react';

export interface Bar {
  key: string;
  label: string;
  value: number;
  /** The value as shown next to the bar (formatted in the user's language). */
  valueText: string;
}

const ROW = 24;
// Sized for a half-width card, so the text is drawn at its CSS size rather than scaled down.
const LABEL_W = 90;
const BAR_W = 220;
const VALUE_X = LABEL_W + BAR_W + 10;
const WIDTH = VALUE_X + 120;

/** `n` of `max` as a bar length; a non-zero value always shows at least a sliver. */
export function barLength(value: number, max: number, full: number): number {
  if (max <= 0 || value <= 0) return 0;
  return Math.max(2, Math.round((value / max) * full));
}

export interface ChartProps {
  bars: readonly Bar[];
  /** The chart's accessible name, holding every figure. */
  label: string;
  testId?: string;
}

export function BarChart({ bars, label, testId }: ChartProps) {
  const max = Math.max(0, ...bars.map((b) => b.value));
  const height = Math.max(ROW, bars.length * ROW);
  return (
    <ChartFrame kind="chart-bars" label={label} width={WIDTH} height={height} testId={testId}>
      {bars.map((b, i) => {
        const y = i * ROW;
        return (
          <g key={b.key}>
            <text x={LABEL_W - 8} y={y + ROW / 2} className="chart-label" textAnchor="end">
              {b.label}
            </text>
            <rect x={LABEL_W} y={y + 4} width={BAR_W} height={ROW - 8} className="chart-track" rx="3" />
            <rect
              x={LABEL_W}
              y={y + 4}
              width={barLength(b.value, max, BAR_W)}
              height={ROW - 8}
              className="chart-bar"
              rx="3"
            />
            <text x={VALUE_X} y={y + ROW / 2} className="chart-value">
              {b.valueText}
            </text>
          </g>
        );
      })}
    </ChartFrame>
  );
}

/** One chart's SVG: a single image named by `label`, drawn at its own size and scaled down only to fit. */
export function ChartFrame({
  kind,
  label,
  width,
  height,
  testId,
  children,
}: {
  kind: string;
  label: string;
  width: number;
  height: number;
  testId?: string | undefined;
  children: ReactNode;
}) {
  return (
    <svg
      className={`chart ${kind}`}
      role="img"
      aria-label={label}
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      preserveAspectRatio="xMinYMin meet"
      data-testid={testId}
    >
      {children}
    </svg>
  );
}

/** The chart's accessible name: its title and every bar's label and value, in order. */
export const chartLabel = (title: string, bars: readonly Bar[], join = ', ') =>
  `${title}: ${bars.map((b) => `${b.label} ${b.valueText}`).join(join)}`;
