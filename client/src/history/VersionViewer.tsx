/**
 * One version opened from the history panel: read-only ("Open") or compared with the document as it is
 * now ("Compare with now"). The script is shown scene by scene, a shot by its fields and sketch, a beat
 * sheet beat by beat. "Now" is the live document as it was when the comparison opened.
 */
import { useMemo, type ReactNode } from "react";
import * as Y from "yjs";
import type { VersionInfo } from "@aiuteur/shared";
import { ReadOnlyScriptView, ScriptDiffView, ShotDiffView } from "./diff";
import { versionsApi } from "./api";
import { BeatsDiffView } from "./BeatsDiffView";
import { HistoryDialog } from "./HistoryDialog";
import { docFromStates } from "./stateDoc";
import { useDocState } from "./useDocState";
import { versionTitle } from "./versionText";
import type { HistoryKind } from "./historyKinds";

export type ViewerMode = "open" | "compare";

interface Props {
  projectId: string;
  document: string;
  kind: HistoryKind;
  version: VersionInfo;
  mode: ViewerMode;
  liveDoc: Y.Doc | null;
  onClose(): void;
}

export function VersionViewer({ projectId, document, kind, version, mode, liveDoc, onClose }: Props) {
  const loaded = useDocState(`version-state:${document}:${version.id}`, async (signal) => [
    await versionsApi.versionState(projectId, document, version.id, signal),
  ]);
  // A still copy of "now", so the comparison does not shift under the reader while colleagues type.
  const now = useMemo(() => (liveDoc ? docFromStates(Y.encodeStateAsUpdate(liveDoc)) : null), [liveDoc]);
  const title = versionTitle(version);

  let body: ReactNode;
  if (loaded.error) body = <p className="error-message" role="alert">{loaded.error}</p>;
  else if (!loaded.doc || (mode === "compare" && !now)) body = <p className="muted" role="status">Opening the version…</p>;
  else body = <VersionBody projectId={projectId} kind={kind} version={loaded.doc} now={mode === "compare" ? now : null} title={title} />;

  return (
    <HistoryDialog
      title={mode === "open" ? title : `Compare “${title}” with now`}
      subtitle={mode === "open" ? "Read only: this is how the document was when the version was recorded." : "What changed since this version."}
      testId={mode === "open" ? "version-open-dialog" : "version-compare-dialog"}
      onClose={onClose}
    >
      {body}
    </HistoryDialog>
  );
}

function VersionBody({ projectId, kind, version, now, title }: { projectId: string; kind: HistoryKind; version: Y.Doc; now: Y.Doc | null; title: string }) {
  switch (kind) {
    case "script":
      return now ? <ScriptDiffView before={version} after={now} beforeLabel={title} afterLabel="Now" /> : <ReadOnlyScriptView doc={version} />;
    case "shot":
      return <ShotDiffView before={version} after={now ?? version} beforeLabel={title} afterLabel={now ? "Now" : title} projectId={projectId} />;
    case "beats":
      return <BeatsDiffView before={version} after={now ?? version} />;
  }
}
