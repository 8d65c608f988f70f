import type { WeekCount } from '../../../contracts/lagesbild.ts';

/** Eight weeks as a tiny line; the last point (this week) is marked. */
export function Sparkline({ series, label }: { series: WeekCount[]; label: string }) {
  const width = 120;
  const height = 32;
  const max = Math.max(1, ...series.map((s) => s.count));
  const x = (i: number) => 4 + (i * (width - 8)) / Math.max(1, series.length - 1);
  const y = (v: number) => height - 4 - (v / max) * (height - 8);
  const points = series.map((s, i) => `${x(i)},${y(s.count)}`).join(' ');
  const last = series[series.length - 1];
  return (
    <svg className="sparkline" width={width} height={height} role="img" aria-label={label}>
      <title>{label}</title>
      <polyline points={points} fill="none" stroke="currentColor" strokeWidth="2" />
      {last ? <circle cx={x(series.length - 1)} cy={y(last.count)} r="3.5" fill="currentColor" /> : null}
    </svg>
  );
}
