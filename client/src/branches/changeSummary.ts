/** "1 script changed · 2 shots added": what a merge will change in the parent, in words. */
import type { BranchChange } from "./api";

const NOUNS: Record<string, [string, string]> = {
  script: ["script", "scripts"],
  beats: ["beat board", "beat boards"],
  storyboard: ["storyboard", "storyboards"],
  shot: ["shot", "shots"],
  notes: ["set of comments", "sets of comments"],
};

export function changeSummary(changes: readonly BranchChange[]): string[] {
  const counts = new Map<string, number>();
  for (const change of changes) {
    const key = `${change.kind}:${change.change}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  // The story first, the notes last, whatever order the server listed them in.
  const order = Object.keys(NOUNS);
  const rank = (key: string) => {
    const at = order.indexOf(key.split(":")[0] ?? "");
    return at === -1 ? order.length : at;
  };
  return [...counts].sort(([a], [b]) => rank(a) - rank(b)).map(([key, count]) => {
    const [kind = "", change = ""] = key.split(":");
    const [one, many] = NOUNS[kind] ?? ["document", "documents"];
    return `${count} ${count === 1 ? one : many} ${change}`;
  });
}
