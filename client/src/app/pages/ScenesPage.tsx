/** Placeholder: being built (issue 3). */
export function ScenesPage() {
  return <main className="page"><h1>Scenes</h1><p className="muted">Coming soon.</p></main>;
}
