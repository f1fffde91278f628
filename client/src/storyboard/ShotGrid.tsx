/**
 * A scene's panels in storyboard order, reorderable by drag and drop (mouse, touch, keyboard) and by
 * Alt+Arrow on a panel; every move is one moveShot on the scene's storyboard document, so collaborators
 * see the new order at once and concurrent moves converge (yarray.ts).
 */
import { useCallback } from "react";
import {
  DndContext,
  KeyboardSensor,
  MouseSensor,
  TouchSensor,
  closestCenter,
  useSensor,
  useSensors,
  type DragEndEvent,
} from "@dnd-kit/core";
import { SortableContext, rectSortingStrategy, sortableKeyboardCoordinates } from "@dnd-kit/sortable";
import type * as Y from "yjs";
import { moveShot, removeShotFromStoryboard, shotDocumentName } from "@aiuteur/shared";
import { useBranchId } from "../branches/branchContext";
import type { PooledDocument } from "./documentPool";
import { ShotPanel } from "./ShotPanel";
import { dropIndex, keyboardMoveIndex } from "./storyboardLayout";

interface Props {
  projectId: string;
  episodeId: string;
  /** The scene's storyboard document; null for shots shown outside any storyboard (orphans). */
  storyboard: Y.Doc | null;
  order: readonly string[];
  docs: ReadonlyMap<string, PooledDocument>;
  arrangeable: boolean;
  editable: boolean;
  label: string;
}

/** After a move React may re-insert the panel's node, which drops focus: put it back on the panel. */
function refocus(shotId: string) {
  requestAnimationFrame(() => {
    const panel = [...document.querySelectorAll<HTMLElement>('[data-testid="shot-panel"]')].find((el) => el.dataset.shotId === shotId);
    if (panel && !panel.contains(document.activeElement)) panel.focus();
  });
}

export function ShotGrid({ projectId, episodeId, storyboard, order, docs, arrangeable, editable, label }: Props) {
  const branchId = useBranchId();
  // Mouse and touch sensors rather than one pointer sensor: touch needs a press-and-hold so a swipe over
  // the grid still scrolls the page on a phone, while a mouse drag starts after a few pixels.
  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const onMove = useCallback(
    (shotId: string, direction: -1 | 1) => {
      const to = keyboardMoveIndex(order, shotId, direction);
      if (storyboard && to !== null) {
        moveShot(storyboard, shotId, to);
        refocus(shotId);
      }
    },
    [storyboard, order],
  );
  const onRemove = useCallback(
    (shotId: string, number: string) => {
      if (!storyboard) return;
      if (!window.confirm(`Remove shot ${number} from this storyboard? The shot itself is kept: you can put it back from “Set aside”.`)) return;
      removeShotFromStoryboard(storyboard, shotId);
    },
    [storyboard],
  );
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const to = dropIndex(order, String(active.id), over ? String(over.id) : null);
    if (storyboard && to !== null) moveShot(storyboard, String(active.id), to);
  };

  return (
    <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
      <SortableContext items={order as string[]} strategy={rectSortingStrategy}>
        <ol className={`shot-grid${editable ? " with-quick-edit" : ""}`} aria-label={label}>
          {order.map((shotId) => (
            <ShotPanel
              key={shotId}
              projectId={projectId}
              episodeId={episodeId}
              shotId={shotId}
              doc={docs.get(shotDocumentName(projectId, shotId, branchId))?.doc ?? null}
              arrangeable={arrangeable && storyboard !== null}
              editable={editable}
              onMove={onMove}
              onRemove={onRemove}
            />
          ))}
        </ol>
      </SortableContext>
    </DndContext>
  );
}
