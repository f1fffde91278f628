/** One screenplay block as static HTML, with the editor's element classes and marks (bold, italic, underline, inline note). */
import type { ReactNode } from "react";
import type { ScreenplayBlock, TextRun } from "@aiuteur/shared";

function Run({ run }: { run: TextRun }) {
  let node: ReactNode = run.text;
  const marks = run.marks ?? [];
  if (marks.includes("note")) node = <span className="sp-inline-note">{node}</span>;
  if (marks.includes("underline")) node = <u>{node}</u>;
  if (marks.includes("italic")) node = <em>{node}</em>;
  if (marks.includes("bold")) node = <strong>{node}</strong>;
  return node;
}

export function StaticBlock({ block, sceneNumber }: { block: ScreenplayBlock; sceneNumber?: string | undefined }) {
  const attrs = block.attrs ?? {};
  return (
    <div
      className={`sp-block sp-${block.type}`}
      data-scene-number={sceneNumber}
      data-dual={attrs.dual ? "true" : undefined}
      data-depth={attrs.depth}
      data-boneyard={attrs.boneyard ? "true" : undefined}
    >
      {block.content.map((run, index) => (
        <Run key={index} run={run} />
      ))}
    </div>
  );
}
