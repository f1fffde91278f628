/**
 * A script compared with another state of it (a version with now, a timeline with its parent): what
 * is compared, a summary, a legend, a "changed scenes only" filter, then the scenes in the newer
 * order. Scenes with differences are open; runs of unchanged scenes fold into one row.
 */
import { useMemo, useState } from "react";
import type * as Y from "yjs";
import { diffScreenplays, readScreenplay, type ScreenplayBlock, type ScriptDiff } from "@aiuteur/shared";
import { useDocValue } from "../../scenes/useDocValue";
import { DiffScene } from "./DiffScene";
import { ELEMENT_MARK, plural } from "./marks";
import { sceneRows } from "./sceneGroups";
import { UnchangedScenes } from "./UnchangedScenes";
import "../../editor/screenplay.css";
import "./diff.css";

export interface ScriptDiffViewProps {
  before: Y.Doc;
  after: Y.Doc;
  beforeLabel: string;
  afterLabel: string;
}

const readBlocks = (doc: Y.Doc): ScreenplayBlock[] => readScreenplay(doc).blocks;

function summaryText({ summary }: ScriptDiff): string {
  const parts = [
    summary.changed > 0 ? plural(summary.changed, "scene changed", "scenes changed") : "",
    summary.added > 0 ? `${summary.added} added` : "",
    summary.removed > 0 ? `${summary.removed} removed` : "",
    summary.unchanged > 0 ? `${summary.unchanged} unchanged` : "",
  ].filter(Boolean);
  if (summary.changed + summary.added + summary.removed === 0) return "No differences.";
  return parts.join(", ") + ".";
}

function Legend() {
  return (
    <ul className="script-diff-legend" aria-label="Legend">
      {(["added", "removed", "changed"] as const).map((status) => (
        <li key={status} className={`is-${status}`}>
          <span className="script-diff-sign" aria-hidden="true">
            {ELEMENT_MARK[status].symbol}
          </span>{" "}
          {status === "added" && <ins>Added</ins>}
          {status === "removed" && <del>Removed</del>}
          {status === "changed" && (
            <>
              Changed: <del>old</del> <ins>new</ins>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

export function ScriptDiffView({ before, after, beforeLabel, afterLabel }: ScriptDiffViewProps) {
  const was = useDocValue(before, readBlocks);
  const now = useDocValue(after, readBlocks);
  const diff = useMemo(() => (was && now ? diffScreenplays(was, now) : null), [was, now]);
  const [changedOnly, setChangedOnly] = useState(false);
  if (!diff) return null;
  const rows = sceneRows(diff.scenes, changedOnly);

  return (
    <section className="script-diff" data-testid="script-diff" aria-label={`${beforeLabel} compared with ${afterLabel}`}>
      <header className="script-diff-top">
        <p className="script-diff-sides">
          <span>
            From <strong>{beforeLabel}</strong>
          </span>{" "}
          <span>
            to <strong>{afterLabel}</strong>
          </span>
        </p>
        <p className="script-diff-summary" data-testid="diff-summary" role="status">
          {summaryText(diff)}
        </p>
        <Legend />
        <label className="script-diff-filter">
          <input type="checkbox" data-testid="diff-changed-only" checked={changedOnly} onChange={(event) => setChangedOnly(event.target.checked)} />
          Changed scenes only
        </label>
      </header>
      {rows.length === 0 ? (
        <p className="empty">{diff.scenes.length === 0 ? "Both are empty." : "No scene changed."}</p>
      ) : (
        <ol className="script-diff-scenes">
          {rows.map((row) => (row.kind === "scene" ? <DiffScene key={row.key} scene={row.scene} /> : <UnchangedScenes key={row.key} scenes={row.scenes} />))}
        </ol>
      )}
    </section>
  );
}
