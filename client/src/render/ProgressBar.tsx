/** A labelled progress bar screen readers announce (role="progressbar" with its value). */
export function ProgressBar({ value, label, testId }: { value: number; label: string; testId?: string }) {
  const percent = Math.min(100, Math.max(0, Math.round(value)));
  return (
    <div className="render-progress" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} data-testid={testId}>
      <div className="render-progress-fill" style={{ width: `${percent}%` }} />
    </div>
  );
}
