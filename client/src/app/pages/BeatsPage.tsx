/** Placeholder: being built (issue 3). */
export function BeatsPage() {
  return <main className="page"><h1>Beats</h1><p className="muted">Coming soon.</p></main>;
}
