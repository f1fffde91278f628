/**
 * A beat sheet version read-only, or compared with another: one row per beat with its act, title and
 * description, marked added (+), removed (−) or changed (~) in words as well as colour.
 */
import { useMemo } from "react";
import type * as Y from "yjs";
import { readBeats } from "@aiuteur/shared";
import { compareBeats, type BeatStatus } from "./beatsCompare";

const MARK: Record<BeatStatus, { symbol: string; label: string }> = {
  same: { symbol: "", label: "" },
  added: { symbol: "+", label: "Added" },
  removed: { symbol: "−", label: "Removed" },
  changed: { symbol: "~", label: "Changed" },
};

export function BeatsDiffView({ before, after }: { before: Y.Doc; after: Y.Doc }) {
  const rows = useMemo(() => compareBeats(readBeats(before), readBeats(after)), [before, after]);
  if (rows.length === 0) return <p className="muted">No beats.</p>;
  return (
    <ol className="beats-diff" data-testid="beats-diff">
      {rows.map((row) => {
        const mark = MARK[row.status];
        return (
          <li key={row.id} className={`beats-diff-row is-${row.status}`} data-status={row.status}>
            {mark.symbol && (
              <span className="diff-mark" aria-label={mark.label} title={mark.label}>
                {mark.symbol}
              </span>
            )}
            <span className="beats-diff-act">Act {row.beat.act}</span>
            <span className="beats-diff-text">
              {row.previous && row.previous.title !== row.beat.title && <del>{row.previous.title || "Untitled beat"}</del>}{" "}
              <strong>{row.beat.title || "Untitled beat"}</strong>
              {row.beat.description && <span className="beats-diff-description">{row.beat.description}</span>}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
