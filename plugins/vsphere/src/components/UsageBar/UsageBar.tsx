/** Fuller is worse for a quota or a host: the colour turns at 75 % and 90 %. */
export function usageColor(percent: number): string {
  if (percent >= 90) return 'var(--bui-fg-negative)';
  if (percent >= 75) return 'var(--bui-fg-warning)';
  return 'var(--bui-fg-positive)';
}

/**
 * A flat bar of how much of a whole is used: empty at 0 % (a rounded gauge draws a dot there),
 * and a meter to screen readers.
 */
export const UsageBar = (props: { label: string; fraction: number }) => {
  const percent = Math.round(Math.min(Math.max(props.fraction, 0), 1) * 100);
  return (
    <div
      role="meter"
      aria-label={props.label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      style={{
        height: 8,
        borderRadius: 4,
        overflow: 'hidden',
        background: 'var(--bui-bg-neutral-3)',
      }}
    >
      <div
        style={{
          width: `${percent}%`,
          height: '100%',
          background: usageColor(percent),
        }}
      />
    </div>
  );
};
