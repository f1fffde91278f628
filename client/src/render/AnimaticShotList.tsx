/** The animatic's shots beside (desktop) or below (phone) the player: thumbnail, numbers, length; click jumps. */
import { useEffect, useRef } from "react";
import { Link } from "react-router";
import type { AnimaticTimelineEntry } from "@aiuteur/shared";
import { shotPath } from "../app/episode/EpisodeTabs";
import { shotLabel } from "./AnimaticTimelineBar";
import { formatTime } from "./timeline";

interface Props {
  projectId: string;
  branchId: string;
  timeline: readonly AnimaticTimelineEntry[];
  currentIndex: number;
  onJump(entry: AnimaticTimelineEntry): void;
  thumbnailOf(entry: AnimaticTimelineEntry): string | null;
}

export function AnimaticShotList({ projectId, branchId, timeline, currentIndex, onJump, thumbnailOf }: Props) {
  const listRef = useRef<HTMLOListElement>(null);
  // Keep the playing shot in view as the animatic plays, without moving the page itself.
  useEffect(() => {
    const list = listRef.current;
    const item = list?.querySelector<HTMLElement>('[aria-current="true"]');
    if (!list || !item) return;
    const top = item.offsetTop - list.offsetTop;
    if (top < list.scrollTop || top + item.offsetHeight > list.scrollTop + list.clientHeight) list.scrollTop = top;
  }, [currentIndex]);

  return (
    <ol className="animatic-shots" ref={listRef} aria-label="Shots in the animatic">
      {timeline.map((entry, index) => {
        const thumb = thumbnailOf(entry);
        const current = index === currentIndex;
        return (
          <li
            key={`${entry.shotId}-${index}`}
            className={`animatic-shot${current ? " current" : ""}`}
            aria-current={current ? "true" : undefined}
            data-testid="animatic-shot"
            data-shot-id={entry.shotId}
            data-current={current ? "true" : "false"}
          >
            <button type="button" className="animatic-shot-jump" onClick={() => onJump(entry)} aria-label={`Play from ${shotLabel(entry)}`}>
              {thumb ? <img src={thumb} alt="" loading="lazy" /> : <span className="animatic-shot-nothumb" />}
              <span className="animatic-shot-text">
                <strong>
                  Scene {entry.sceneNumber || "?"} · Shot {entry.shotNumber || "?"}
                </strong>
                <span className="muted">
                  {formatTime(entry.start)} · {entry.duration.toFixed(1)} s
                </span>
              </span>
            </button>
            <Link className="animatic-shot-open" to={shotPath(projectId, entry.shotId, branchId)} aria-label={`Open ${shotLabel(entry)}`}>
              Open
            </Link>
          </li>
        );
      })}
    </ol>
  );
}
