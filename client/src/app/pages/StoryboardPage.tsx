/** Placeholder: being built (issue 3). */
export function StoryboardPage() {
  return <main className="page"><h1>Storyboard</h1><p className="muted">Coming soon.</p></main>;
}
