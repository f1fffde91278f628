/**
 * The animatic's scrubbable timeline: a slider (pointer drag, arrow keys, J/L, Home/End, PageUp/PageDown
 * between shots) with a marker at each shot's start, and the thumbnail of the shot under the pointer.
 */
import { useRef, useState, type KeyboardEvent, type PointerEvent } from "react";
import type { AnimaticTimelineEntry } from "@aiuteur/shared";
import { formatTime, markerPositions, scrubTarget, shotIndexAt, timeAtPointer } from "./timeline";

interface Props {
  timeline: readonly AnimaticTimelineEntry[];
  duration: number;
  time: number;
  currentIndex: number;
  onSeek(time: number): void;
  /** Thumbnail URLs ready for <img> (access token added), by shot id. */
  thumbnailOf(entry: AnimaticTimelineEntry): string | null;
}

export function shotLabel(entry: AnimaticTimelineEntry): string {
  return `Scene ${entry.sceneNumber || "?"}, shot ${entry.shotNumber || "?"}`;
}

export function AnimaticTimelineBar({ timeline, duration, time, currentIndex, onSeek, thumbnailOf }: Props) {
  const barRef = useRef<HTMLDivElement>(null);
  const dragging = useRef(false);
  const [hover, setHover] = useState<{ time: number; percent: number } | null>(null);
  const markers = markerPositions(timeline, duration);
  const played = duration > 0 ? Math.min(100, (time / duration) * 100) : 0;

  const timeAt = (event: PointerEvent) => {
    const rect = barRef.current!.getBoundingClientRect();
    return timeAtPointer(event.clientX, rect.left, rect.width, duration);
  };
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    dragging.current = true;
    event.currentTarget.setPointerCapture(event.pointerId);
    event.currentTarget.focus();
    onSeek(timeAt(event));
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const at = timeAt(event);
    setHover({ time: at, percent: duration > 0 ? (at / duration) * 100 : 0 });
    if (dragging.current) onSeek(at);
  };
  const endDrag = () => {
    dragging.current = false;
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = scrubTarget(event.key, event.shiftKey, time, duration, timeline);
    if (target === null) return;
    event.preventDefault();
    event.stopPropagation();
    onSeek(target);
  };

  const hovered = hover ? timeline[shotIndexAt(timeline, hover.time)] : undefined;
  const hoverThumb = hovered ? thumbnailOf(hovered) : null;
  const current = timeline[currentIndex];

  return (
    <div className="animatic-timeline">
      <div
        ref={barRef}
        className="animatic-bar"
        role="slider"
        tabIndex={0}
        aria-label="Animatic timeline"
        aria-valuemin={0}
        aria-valuemax={Math.round(duration * 10) / 10}
        aria-valuenow={Math.round(time * 10) / 10}
        aria-valuetext={`${formatTime(time)} of ${formatTime(duration)}${current ? `, ${shotLabel(current)}` : ""}`}
        data-testid="animatic-timeline"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={endDrag}
        onPointerCancel={endDrag}
        onPointerLeave={() => setHover(null)}
        onKeyDown={onKeyDown}
      >
        <div className="animatic-bar-track">
          <div className="animatic-bar-played" style={{ width: `${played}%` }} />
        </div>
        {timeline.map((entry, index) => (
          <button
            key={`${entry.shotId}-${index}`}
            type="button"
            tabIndex={-1}
            className={`animatic-marker${index === currentIndex ? " current" : ""}`}
            style={{ left: `${markers[index]}%` }}
            aria-label={`Jump to ${shotLabel(entry)}`}
            title={shotLabel(entry)}
            data-testid="animatic-marker"
            data-shot-id={entry.shotId}
            // A marker jumps to its shot's start; it must not start a drag of the bar under it.
            onPointerDown={(event) => event.stopPropagation()}
            onClick={() => onSeek(entry.start)}
          />
        ))}
        <div className="animatic-playhead" style={{ left: `${played}%` }} aria-hidden="true" />
        {hover && hovered && (
          <div className="animatic-hover" style={{ left: `${Math.min(100, Math.max(0, hover.percent))}%` }} aria-hidden="true">
            {hoverThumb && <img src={hoverThumb} alt="" />}
            <span>
              {formatTime(hover.time)} · Sc {hovered.sceneNumber || "?"} · Shot {hovered.shotNumber || "?"}
            </span>
          </div>
        )}
      </div>
    </div>
  );
}
