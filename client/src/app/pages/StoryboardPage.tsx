/**
 * "/projects/:projectId/episodes/:episodeId/storyboard": the episode's storyboard grid, live with
 * collaborators and usable offline (every document has an IndexedDB copy). The script is opened to
 * derive the scenes; the storyboards and shots share one socket through the page's document pool.
 */
import { useParams } from "react-router";
import "../../scenes/episodeView.css";
import { episodeGate } from "../../scenes/EpisodeViewStatus";
import { useScriptScenes } from "../../scenes/useScriptScenes";
import "../../storyboard/storyboard.css";
import { StoryboardView } from "../../storyboard/StoryboardView";
import { DocumentPoolScope } from "../../storyboard/useSharedDocument";
import { useCollabDocument } from "../hooks/useCollabDocument";
import { useDocumentTitle } from "../hooks/useDocumentTitle";
import { useEpisodeData } from "../hooks/useEpisodeData";

export function StoryboardPage() {
  const { projectId = "", episodeId = "" } = useParams();
  const data = useEpisodeData(projectId, episodeId);
  const script = useCollabDocument(data.episode.data?.documents.script ?? null, data.identity);
  const scenes = useScriptScenes(script?.ready ? script.doc : null);

  const title = data.episode.data?.title;
  useDocumentTitle(title ? `Storyboard — ${title}` : null);

  const gate = episodeGate({ data, what: "Storyboard" });
  if (gate) return gate;
  return (
    <DocumentPoolScope identity={data.identity}>
      <StoryboardView data={data} scenes={scenes} />
    </DocumentPoolScope>
  );
}
