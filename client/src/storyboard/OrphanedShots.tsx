/**
 * Shots whose scene heading was deleted from the script. They are never hidden or deleted: they stay
 * here, openable and editable, until someone restores the heading (undo) or decides what to do.
 */
import { useMemo } from "react";
import { shotDocumentName, type ShotInfo } from "@aiuteur/shared";
import { useBranchId } from "../branches/branchContext";
import { ShotGrid } from "./ShotGrid";
import { usePooledDocuments } from "./usePooledDocuments";

interface Props {
  projectId: string;
  episodeId: string;
  shots: readonly ShotInfo[];
  mayEditShots: boolean;
}

export function OrphanedShots({ projectId, episodeId, shots, mayEditShots }: Props) {
  const order = useMemo(() => shots.map((shot) => shot.id), [shots]);
  const branchId = useBranchId();
  const names = useMemo(() => order.map((id) => shotDocumentName(projectId, id, branchId)), [projectId, order, branchId]);
  const { docs } = usePooledDocuments(names);
  return (
    <section className="scene-storyboard orphaned" data-testid="orphaned-shots" aria-labelledby="orphaned-shots-title">
      <header className="scene-storyboard-header">
        <h2 id="orphaned-shots-title" className="scene-storyboard-title">
          Shots whose scene was removed
        </h2>
        <span className="scene-storyboard-time">{order.length === 1 ? "1 shot" : `${order.length} shots`}</span>
      </header>
      <p className="muted">
        Their scene heading is no longer in the script. They are kept: restore the heading (undo in the script) to bring them back to
        their scene.
      </p>
      <ShotGrid
        projectId={projectId}
        episodeId={episodeId}
        storyboard={null}
        order={order}
        docs={docs}
        arrangeable={false}
        editable={mayEditShots}
        label="Shots whose scene was removed"
      />
    </section>
  );
}
