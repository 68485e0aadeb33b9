/**
 * An accessible progress bar; indeterminate while the ratio is unknown.
 */
export function ProgressBar({ ratio, label }: { ratio: number | null; label: string }) {
  const percent = ratio === null ? null : Math.round(ratio * 100);
  return (
    <div
      className="progress"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent ?? undefined}
    >
      <div
        className={`progress-fill ${percent === null ? 'indeterminate' : ''}`}
        style={percent === null ? undefined : { width: `${percent}%` }}
      />
    </div>
  );
}
