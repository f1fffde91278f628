/**
 * "/projects/:projectId/episodes/:episodeId/animatic": the episode's animatic of its locked shots — render
 * it, watch its progress, play it with a shot timeline, download it for an editor. State comes from the
 * episode's render document (read-only for every role; the render worker writes it).
 */
import { useParams } from "react-router";
import { canWrite, renderDocumentName } from "@aiuteur/shared";
import { AnimaticView } from "../../render/AnimaticView";
import { useAnimaticMirror } from "../../render/useRenderMirrors";
import "../../scenes/episodeView.css";
import { EpisodeViewFrame } from "../../scenes/EpisodeViewFrame";
import { episodeGate } from "../../scenes/EpisodeViewStatus";
import { ErrorBoundary } from "../components/ErrorBoundary";
import { useCollabDocument } from "../hooks/useCollabDocument";
import { useConnection } from "../hooks/useConnection";
import { useDocumentTitle } from "../hooks/useDocumentTitle";
import { useEpisodeData } from "../hooks/useEpisodeData";

export function AnimaticPage() {
  const { projectId = "", episodeId = "" } = useParams();
  const data = useEpisodeData(projectId, episodeId);
  const render = useCollabDocument(projectId && episodeId ? renderDocumentName(projectId, episodeId, data.branchId) : null, data.identity);
  const connection = useConnection(render?.provider ?? null);
  const mirror = useAnimaticMirror(render?.doc);

  const title = data.episode.data?.title;
  useDocumentTitle(title ? `Animatic — ${title}` : null);

  const gate = episodeGate({ data, what: "Animatic" });
  if (gate) return gate;
  // The render document is read-only for everyone by design: that is not worth a banner.
  const access = { readOnly: true, banner: null };
  return (
    <EpisodeViewFrame data={data} className="animatic-page" provider={render?.provider ?? null} access={access} connection={connection} loading={null}>
      <ErrorBoundary what="The animatic" key={render?.documentName}>
        <AnimaticView
          projectId={projectId}
          episodeId={episodeId}
          branchId={data.branchId}
          mirror={mirror}
          ready={Boolean(render?.ready)}
          mayRender={data.role !== null && canWrite(data.role, "shot")}
        />
      </ErrorBoundary>
    </EpisodeViewFrame>
  );
}
