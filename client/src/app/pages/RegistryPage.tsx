/** Placeholder: being built (issue 3). */
export function RegistryPage() {
  return <main className="page"><h1>Registry</h1><p className="muted">Coming soon.</p></main>;
}
