/** The Lorenz curve as a small SVG: the diagonal (perfect equality) and the observed curve. */
export function LorenzCurve({ points, label }: { points: readonly [number, number][]; label: string }) {
  const size = 180;
  const pad = 10;
  const scale = size - 2 * pad;
  const path = points
    .map(([u, l]) => `${(pad + u * scale).toFixed(1)},${(pad + (1 - l) * scale).toFixed(1)}`)
    .join(' ');
  return (
    <svg width={size} height={size} viewBox={`0 0 ${size} ${size}`} role="img" aria-label={label} data-testid="lorenz">
      <rect x={pad} y={pad} width={scale} height={scale} fill="none" stroke="var(--line)" />
      <line x1={pad} y1={pad + scale} x2={pad + scale} y2={pad} stroke="var(--muted)" strokeDasharray="4 3" />
      <polyline points={path} fill="none" stroke="var(--bad)" strokeWidth={2} />
    </svg>
  );
}
