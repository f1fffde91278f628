/**
 * The frame every episode view other than the script shares (beats, scenes, storyboard): the episode
 * header, the read-only, connection and lock banners, then the view's body, or a loading line while its
 * documents open.
 */
import type { ReactNode } from "react";
import type { HocuspocusProvider } from "@hocuspocus/provider";
import { UNLOCKED_MIRROR, type LockMirror } from "@aiuteur/shared";
import { EpisodeHeader } from "../app/episode/EpisodeHeader";
import type { ConnectionState } from "../app/hooks/useConnection";
import type { EpisodeData } from "../app/hooks/useEpisodeData";
import { LockBanner } from "../locks/LockBanner";
import { ViewBanners, type ViewAccess } from "./EpisodeViewStatus";

interface Props {
  data: EpisodeData;
  /** The page's own class, next to "episode-view". */
  className: string;
  bodyClassName?: string;
  /** The provider of the view's main document, for presence and the sync state. */
  provider: HocuspocusProvider | null;
  access: ViewAccess;
  connection: ConnectionState;
  /** The lock of the view's main document, when it has one: shown as a banner under the others. */
  lock?: LockMirror;
  /** Shown instead of the body while it is not ready, e.g. "Opening the beat board…"; null when ready. */
  loading: string | null;
  /** View-specific controls for the header's menu. */
  headerExtra?: ReactNode;
  /** Shown after the body (toasts). */
  after?: ReactNode;
  children?: ReactNode;
}

export function EpisodeViewFrame(props: Props) {
  const { data } = props;
  return (
    <div className={`episode-view ${props.className}`}>
      <EpisodeHeader
        projectId={data.projectId}
        projectTitle={data.project.data?.title ?? null}
        episodeId={data.episodeId}
        episodeTitle={data.episode.data?.title ?? ""}
        role={data.role}
        provider={props.provider}
        readOnly={props.access.readOnly}
      >
        {props.headerExtra}
      </EpisodeHeader>
      <ViewBanners access={props.access} connection={props.connection} />
      <LockBanner mirror={props.lock ?? UNLOCKED_MIRROR} />
      <main className={`episode-view-body${props.bodyClassName ? ` ${props.bodyClassName}` : ""}`}>
        {props.loading !== null ? (
          <p className="muted episode-view-loading" role="status">
            {props.loading}
          </p>
        ) : (
          props.children
        )}
      </main>
      {props.after}
    </div>
  );
}
