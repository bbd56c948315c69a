import { useTheme } from '@material-ui/core/styles';

/** Props of {@link Sparkline}. */
export interface SparklineProps {
  /** Values oldest first, in percent; null is a gap (no sample). */
  values: (number | null)[];
  /** What is drawn, for screen readers, e.g. "CPU of web-01". */
  label: string;
  width?: number;
  height?: number;
}

/** A small line of recent percentages with the latest value beside it; 0–100 % is the full height. */
export const Sparkline = (props: SparklineProps) => {
  const { values, label, width = 96, height = 24 } = props;
  const theme = useTheme();
  const known = values.filter((v): v is number => v !== null);
  const last = known[known.length - 1];
  const step = values.length > 1 ? width / (values.length - 1) : width;
  // a gap starts a new segment: a missing sample is not drawn as a 0
  const segments: string[] = [];
  let current: string[] = [];
  values.forEach((v, i) => {
    if (v === null) {
      if (current.length) segments.push(current.join(' '));
      current = [];
      return;
    }
    const y = height - (Math.min(Math.max(v, 0), 100) / 100) * (height - 2) - 1;
    current.push(`${(i * step).toFixed(1)},${y.toFixed(1)}`);
  });
  if (current.length) segments.push(current.join(' '));
  const summary =
    last === undefined
      ? `${label}: no samples`
      : `${label}: ${Math.round(last)}% now, peak ${Math.round(
          Math.max(...known),
        )}%`;
  const color =
    last !== undefined && last >= 90
      ? theme.palette.error.main
      : theme.palette.primary.main;
  return (
    <span
      role="img"
      aria-label={summary}
      title={summary}
      style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}
    >
      <svg width={width} height={height} aria-hidden>
        <rect width={width} height={height} fill={theme.palette.action.hover} />
        {segments.map(points => (
          <polyline
            key={points}
            points={points}
            fill="none"
            stroke={color}
            strokeWidth={1.5}
          />
        ))}
      </svg>
      <span style={{ minWidth: 36, fontVariantNumeric: 'tabular-nums' }}>
        {last === undefined ? '–' : `${Math.round(last)}%`}
      </span>
    </span>
  );
};
