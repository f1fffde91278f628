/**
 * The animatic player: the video with our own controls — play/pause (Space, K, a click on the picture), the
 * scrubbable timeline with shot markers and hover thumbnails (J/L ±1 s, arrows, Home/End), the shot list
 * with the playing shot highlighted (click jumps), and a subtitle overlay.
 *
 * The subtitles are burned into every clip already, so the overlay starts off; it is there for a reader who
 * wants them larger and above the picture, or on a phone where the burned-in text is small.
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from "react";
import type { AnimaticTimelineEntry } from "@aiuteur/shared";
import { AnimaticShotList } from "./AnimaticShotList";
import { AnimaticTimelineBar } from "./AnimaticTimelineBar";
import { withAccessToken } from "./artifactLinks";
import { formatTime, scrubTarget, shotIndexAt, subtitleAt, timelineDuration } from "./timeline";

interface Props {
  projectId: string;
  branchId: string;
  /** The MP4's URL (without the access token). */
  src: string;
  poster?: string;
  timeline: readonly AnimaticTimelineEntry[];
  token: string | null;
}

/** Keys that belong to the focused element itself (typing, activating a button or link). */
function ownsKey(target: EventTarget, key: string): boolean {
  const element = target as HTMLElement;
  if (element.closest("input, select, textarea")) return true;
  return (key === " " || key === "Enter") && element.closest("button, a") !== null;
}

export function AnimaticPlayer({ projectId, branchId, src, poster, timeline, token }: Props) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const [time, setTime] = useState(0);
  const [videoDuration, setVideoDuration] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [subtitles, setSubtitles] = useState(false);
  const duration = timelineDuration(timeline, videoDuration);
  const currentIndex = shotIndexAt(timeline, time);
  const subtitle = subtitles ? subtitleAt(timeline, time) : null;

  // timeupdate fires only about four times a second: follow the picture every frame while playing.
  useEffect(() => {
    if (!playing) return;
    let frame = requestAnimationFrame(function follow() {
      if (videoRef.current) setTime(videoRef.current.currentTime);
      frame = requestAnimationFrame(follow);
    });
    return () => cancelAnimationFrame(frame);
  }, [playing]);

  const seek = useCallback(
    (to: number) => {
      const video = videoRef.current;
      const clamped = Math.min(Math.max(0, to), duration || to);
      if (video) video.currentTime = clamped;
      setTime(clamped);
    },
    [duration],
  );
  const toggle = useCallback(() => {
    const video = videoRef.current;
    if (!video) return;
    if (video.paused || video.ended) Promise.resolve(video.play()).catch(() => setPlaying(false));
    else video.pause();
  }, []);

  /** Space/K, J/L and the scrubbing keys; true when the key was the player's. */
  const handleKey = (key: string, shiftKey: boolean): boolean => {
    if (key === " " || key === "k" || key === "K") {
      toggle();
      return true;
    }
    const target = scrubTarget(key, shiftKey, time, duration, timeline);
    if (target === null) return false;
    seek(target);
    return true;
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey || ownsKey(event.target, event.key)) return;
    if (handleKey(event.key, event.shiftKey)) event.preventDefault();
  };

  // With nothing focused (the page just opened, or a click on empty space), the keys still reach the
  // player: it is what this page is for. Keys typed into anything focused elsewhere stay theirs.
  const handleKeyRef = useRef(handleKey);
  handleKeyRef.current = handleKey;
  useEffect(() => {
    const onWindowKey = (event: globalThis.KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (document.activeElement !== document.body && document.activeElement !== null) return;
      if (handleKeyRef.current(event.key, event.shiftKey)) event.preventDefault();
    };
    window.addEventListener("keydown", onWindowKey);
    return () => window.removeEventListener("keydown", onWindowKey);
  }, []);

  const thumbnailOf = useCallback((entry: AnimaticTimelineEntry) => (entry.thumbnail ? withAccessToken(entry.thumbnail, token) : null), [token]);

  return (
    <div className="animatic-player" data-testid="animatic-player" onKeyDown={onKeyDown}>
      <div className="animatic-stage">
        <div className="animatic-screen">
          <video
            ref={videoRef}
            className="animatic-video"
            data-testid="animatic-video"
            src={withAccessToken(src, token)}
            poster={poster ? withAccessToken(poster, token) : undefined}
            preload="auto"
            playsInline
            tabIndex={-1}
            onClick={toggle}
            onPlay={() => setPlaying(true)}
            onPause={() => setPlaying(false)}
            onEnded={() => setPlaying(false)}
            onTimeUpdate={(event) => setTime(event.currentTarget.currentTime)}
            onLoadedMetadata={(event) => setVideoDuration(event.currentTarget.duration)}
            onDurationChange={(event) => setVideoDuration(event.currentTarget.duration)}
          />
          {subtitle && (
            <p className="animatic-subtitle" data-testid="animatic-subtitle" aria-live="off">
              {subtitle}
            </p>
          )}
        </div>
        <div className="animatic-controls">
          <button
            type="button"
            className="button-primary animatic-play"
            data-testid="animatic-play"
            onClick={toggle}
            aria-label={playing ? "Pause (Space or K)" : "Play (Space or K)"}
            aria-keyshortcuts="Space K"
          >
            {playing ? "❚❚" : "▶"}
          </button>
          <span className="animatic-time" data-testid="animatic-time">
            {formatTime(time)} / {formatTime(duration)}
          </span>
          <AnimaticTimelineBar timeline={timeline} duration={duration} time={time} currentIndex={currentIndex} onSeek={seek} thumbnailOf={thumbnailOf} />
          <label className="animatic-cc">
            <input type="checkbox" checked={subtitles} onChange={(event) => setSubtitles(event.target.checked)} data-testid="animatic-subtitles-toggle" />
            Subtitles
          </label>
        </div>
        <p className="muted animatic-keys">Space or K: play/pause · J / L: back / forward 1 s · ← →: scrub · PgUp / PgDn: previous / next shot</p>
      </div>
      <AnimaticShotList
        projectId={projectId}
        branchId={branchId}
        timeline={timeline}
        currentIndex={currentIndex}
        onJump={(entry) => seek(entry.start)}
        thumbnailOf={thumbnailOf}
      />
    </div>
  );
}
