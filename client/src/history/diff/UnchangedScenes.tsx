/** A run of unchanged scenes, folded to one row ("12 unchanged scenes") until the reader opens it. */
import { useState } from "react";
import type { SceneDiff } from "@aiuteur/shared";
import { DiffScene, sceneTitle } from "./DiffScene";
import { plural } from "./marks";

export function UnchangedScenes({ scenes }: { scenes: readonly SceneDiff[] }) {
  const [open, setOpen] = useState(false);
  const count = plural(scenes.length, "unchanged scene", "unchanged scenes");
  const first = scenes[0]!;
  const last = scenes[scenes.length - 1]!;
  const span = scenes.length === 1 ? sceneTitle(first) : `${sceneTitle(first)} … ${sceneTitle(last)}`;
  return (
    <li className="script-diff-unchanged" data-testid="diff-unchanged">
      <button type="button" className="button-quiet script-diff-unchanged-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        <span aria-hidden="true">{open ? "▾" : "▸"}</span> {count}
        <span className="script-diff-unchanged-span">{span}</span>
      </button>
      {open && (
        <ol className="script-diff-scenes">
          {scenes.map((scene, index) => (
            <DiffScene key={scene.sceneId ?? `at:${index}`} scene={scene} />
          ))}
        </ol>
      )}
    </li>
  );
}
