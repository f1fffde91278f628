/**
 * The shot page's header: back to the episode's storyboard, the shot number, previous / next shot of the
 * scene (in storyboard order; "[" and "]" from the keyboard), the sync state and who is here.
 */
import { useEffect, useRef, type ReactNode } from "react";
import { Link, useNavigate } from "react-router";
import type { HocuspocusProvider } from "@hocuspocus/provider";
import type { Role } from "@aiuteur/shared";
import { PresenceList } from "../app/components/PresenceList";
import { RoleBadge } from "../app/components/RoleBadge";
import { SyncIndicator } from "../app/components/SyncIndicator";
import { episodePath, shotPath } from "../app/episode/EpisodeTabs";
import { BranchSwitcher } from "../branches/BranchSwitcher";
import { useBranchId } from "../branches/branchContext";
import { isTyping } from "./useDrawingShortcuts";

interface Props {
  projectId: string;
  episodeId: string;
  shotNumber: string;
  /** Shot ids before and after this one in the scene's storyboard, or null at either end. */
  previous: string | null;
  next: string | null;
  position: { index: number; count: number } | null;
  role: Role | null;
  /** Who is here (the shot document's awareness). */
  provider: HocuspocusProvider | null;
  /** The document this person writes (the shot, or the notes for reviewers), for the sync state. */
  syncProvider: HocuspocusProvider | null;
  readOnly: boolean;
  /** Page controls kept in the bar, also on a phone (the history button). */
  children?: ReactNode;
}

export function ShotHeader(props: Props) {
  const navigate = useNavigate();
  const neighbours = useRef({ previous: props.previous, next: props.next });
  neighbours.current = { previous: props.previous, next: props.next };
  const { projectId } = props;
  const branchId = useBranchId();
  const branchRef = useRef(branchId);
  branchRef.current = branchId;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTyping(event.target) || event.metaKey || event.ctrlKey || event.altKey) return;
      const target = event.key === "[" ? neighbours.current.previous : event.key === "]" ? neighbours.current.next : null;
      if (!target) return;
      event.preventDefault();
      void navigate(shotPath(projectId, target, branchRef.current));
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [navigate, projectId]);

  const storyboard = episodePath(props.projectId, props.episodeId, "storyboard", branchId);
  return (
    <header className="script-header shot-header">
      <div className="script-header-main">
        <Link to={storyboard} className="back-link" aria-label="Back to the storyboard" data-testid="back-to-storyboard">
          <span aria-hidden="true">←</span>
          <span className="back-text">Storyboard</span>
        </Link>
        <h1 className="script-title" data-testid="shot-title">
          Shot {props.shotNumber}
          {props.position && (
            <span className="muted shot-position">
              {" "}
              · {props.position.index + 1} of {props.position.count}
            </span>
          )}
        </h1>
        <nav className="shot-nav" aria-label="Shots in this scene">
          <NeighbourLink projectId={projectId} shotId={props.previous} label="Previous shot" keyHint="[" icon="‹" testId="previous-shot" />
          <NeighbourLink projectId={projectId} shotId={props.next} label="Next shot" keyHint="]" icon="›" testId="next-shot" />
        </nav>
        <SyncIndicator provider={props.syncProvider} readOnly={props.readOnly} />
        {props.children}
      </div>
      <BranchSwitcher projectId={projectId} episodeId={props.episodeId} role={props.role} />
      <div className="script-header-extra shot-header-extra">
        <PresenceList provider={props.provider} />
        {props.role && <RoleBadge role={props.role} />}
      </div>
    </header>
  );
}

function NeighbourLink(props: { projectId: string; shotId: string | null; label: string; keyHint: string; icon: string; testId: string }) {
  const branchId = useBranchId();
  if (!props.shotId) {
    return (
      <span className="shot-nav-link is-disabled" aria-disabled="true" title={`${props.label} (none)`}>
        {props.icon}
      </span>
    );
  }
  return (
    <Link
      to={shotPath(props.projectId, props.shotId, branchId)}
      className="shot-nav-link"
      aria-label={props.label}
      title={`${props.label} (${props.keyHint})`}
      data-testid={props.testId}
    >
      {props.icon}
    </Link>
  );
}
