/** The storyboard card's render pill: "rendering 40%", "render failed", "▶ rendered" (nothing before a render). */
import type { ShotRenderMirror } from "@aiuteur/shared";
import { renderBadgeText } from "./renderText";
import "./render.css";

export function RenderBadge({ mirror }: { mirror: ShotRenderMirror | null }) {
  const text = renderBadgeText(mirror);
  if (!mirror || text === null) return null;
  return (
    <span className={`render-badge render-${mirror.status}`} data-testid="render-badge" data-render-status={mirror.status} title={mirror.status === "failed" ? mirror.error : undefined}>
      {text}
    </span>
  );
}
