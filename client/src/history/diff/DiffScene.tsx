/**
 * One scene of a script comparison: its number and heading with a worded badge (new, removed, changed),
 * then its elements in screenplay layout. The heading is not repeated in the body unless it changed.
 */
import { useId } from "react";
import type { SceneDiff } from "@aiuteur/shared";
import { DiffElements } from "./DiffElements";
import { SCENE_BADGE } from "./marks";

export function sceneTitle(scene: SceneDiff): string {
  if (scene.number === 0) return "Before the first scene";
  return scene.heading === "" ? "Untitled scene" : scene.heading;
}

export function DiffScene({ scene }: { scene: SceneDiff }) {
  const badge = scene.status === "unchanged" ? null : SCENE_BADGE[scene.status];
  const first = scene.elements[0];
  // A heading that did not change within the scene is already the card's title.
  const headingInTitle = first?.type === "sceneHeading" && (first.status === "same" || scene.status !== "changed");
  const body = headingInTitle ? scene.elements.slice(1) : scene.elements;
  const titleId = useId();
  return (
    <li className={`script-diff-scene is-${scene.status}`} data-testid="diff-scene" data-status={scene.status} aria-labelledby={titleId}>
      <header className="script-diff-scene-head">
        <h3 className="script-diff-scene-title" id={titleId}>
          {scene.number > 0 && <span className="script-diff-number">{scene.number}</span>}
          <span className="script-diff-heading">{sceneTitle(scene)}</span>
        </h3>
        {badge && (
          <span className={`script-diff-badge is-${scene.status}`} data-testid="diff-scene-badge">
            <span aria-hidden="true">{badge.symbol} </span>
            {badge.label}
          </span>
        )}
      </header>
      {body.length > 0 && (
        <div className="sp-page script-diff-page">
          <DiffElements elements={body} fold={scene.status === "changed"} />
        </div>
      )}
    </li>
  );
}
