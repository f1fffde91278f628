/**
 * A document's history: every saved version (newest first) with author, time, label and why it was
 * recorded; "Save version…"; and per version Open, Compare with now and Restore. A side panel on a wide
 * screen, a bottom sheet on a phone. A restore reaches collaborators through the document itself (the
 * server writes it as a new change); the toast's Undo restores the version recorded just before it.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type * as Y from "yjs";
import { canWrite, type Role, type VersionInfo } from "@aiuteur/shared";
import { messageOf } from "../app/api";
import { ErrorMessage } from "../app/components/ErrorMessage";
import { useMediaQuery } from "../app/hooks/useMediaQuery";
import { ActionToast, type ToastAction } from "./ActionToast";
import { versionsApi } from "./api";
import { historyKindOf } from "./historyKinds";
import { SaveVersionForm } from "./SaveVersionForm";
import type { HistoryPanelState } from "./useHistoryPanel";
import { useVersions } from "./useVersions";
import { VersionItem } from "./VersionItem";
import { VersionViewer, type ViewerMode } from "./VersionViewer";
import { versionTitle } from "./versionText";
import "./history.css";

interface Props {
  projectId: string;
  /** The document's name; null while the page is still finding out which document it shows. */
  document: string | null;
  /** The page's live copy of the document, for "Compare with now". */
  liveDoc: Y.Doc | null;
  role: Role | null;
  panel: HistoryPanelState;
}

interface Toast {
  message: string;
  action?: ToastAction;
}

export function HistoryPanel({ projectId, document, liveDoc, role, panel }: Props) {
  const narrow = useMediaQuery("(max-width: 760px)");
  const versions = useVersions(projectId, document, panel.open);
  const kind = document ? historyKindOf(document) : null;
  const mayWrite = kind !== null && canWrite(role, kind);
  const [viewing, setViewing] = useState<{ version: VersionInfo; mode: ViewerMode } | null>(null);
  const [restoring, setRestoring] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [toast, setToast] = useState<Toast | null>(null);
  const dismissToast = useCallback(() => setToast(null), []);
  const { reload } = versions;
  // Opening the panel takes the focus there (keyboard and screen-reader users land on it); Escape inside
  // it closes it again.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (panel.open) heading.current?.focus();
  }, [panel.open]);

  const save = async (label: string) => {
    if (!document) return;
    await versionsApi.save(projectId, document, label);
    reload();
  };

  const restore = async (version: VersionInfo) => {
    if (!document) return;
    setRestoring(version.id);
    setError(null);
    try {
      const result = await versionsApi.restore(projectId, document, version.id);
      reload();
      setToast({
        message: `Restored “${versionTitle(version)}”.`,
        action: {
          label: "Undo",
          run: async () => {
            try {
              await versionsApi.restore(projectId, document, result.before);
              setToast({ message: "Restore undone." });
            } catch (cause) {
              setToast(null);
              setError(messageOf(cause));
            }
            reload();
          },
        },
      });
    } catch (cause) {
      setError(messageOf(cause));
    } finally {
      setRestoring(null);
    }
  };

  const list = versions.data;
  return (
    <>
      <aside
        id="history-panel"
        className={`history-panel${narrow ? " is-sheet" : ""}`}
        aria-label="History"
        data-testid="history-panel"
        hidden={!panel.open}
        onKeyDown={(event) => {
          if (event.key === "Escape" && !viewing && !event.defaultPrevented) panel.close();
        }}
      >
        <header className="history-panel-header">
          <h2 ref={heading} tabIndex={-1}>
            History
          </h2>
          <button type="button" className="button-quiet" aria-label="Close the history" data-testid="history-close" onClick={panel.close}>
            ×
          </button>
        </header>
        {mayWrite && <SaveVersionForm onSave={save} />}
        <ErrorMessage message={error} />
        <ErrorMessage message={versions.error ? messageOf(versions.error) : null} />
        {list === undefined ? (
          versions.loading && <p className="muted" role="status">Loading versions…</p>
        ) : list.length === 0 ? (
          <p className="muted history-empty">No versions yet. {mayWrite ? "Save one to mark a draft you can come back to." : ""}</p>
        ) : (
          <ol className="version-list" aria-label="Versions, newest first">
            {list.map((version) => (
              <VersionItem
                key={version.id}
                version={version}
                mayRestore={mayWrite}
                restoring={restoring === version.id}
                onView={(mode) => setViewing({ version, mode })}
                onRestore={() => void restore(version)}
              />
            ))}
          </ol>
        )}
      </aside>
      {viewing && document && kind && (
        <VersionViewer
          projectId={projectId}
          document={document}
          kind={kind}
          version={viewing.version}
          mode={viewing.mode}
          liveDoc={liveDoc}
          onClose={() => setViewing(null)}
        />
      )}
      {toast && <ActionToast message={toast.message} action={toast.action} onDismiss={dismissToast} />}
    </>
  );
}
