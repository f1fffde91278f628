/** Placeholder: being built (issue 3). */
export function ShotPage() {
  return <main className="page"><h1>Shot</h1><p className="muted">Coming soon.</p></main>;
}
