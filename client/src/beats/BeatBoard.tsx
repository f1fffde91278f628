/**
 * The beat board: the episode's beats as index cards in story order, flowing left to right and wrapping
 * like a corkboard. Reordering (drag and drop with mouse, touch or keyboard, or Alt+arrows) writes
 * moveBeat, so collaborators see the new order at once.
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
  type Announcements,
  type DragEndEvent,
} from "@dnd-kit/core";
import { SortableContext, rectSortingStrategy, sortableKeyboardCoordinates } from "@dnd-kit/sortable";
import type * as Y from "yjs";
import { moveBeat, type Beat, type DerivedScene } from "@aiuteur/shared";
import { BeatCard } from "./BeatCard";
import { dropTarget, keyboardMoveTarget } from "./boardOrder";

interface Props {
  doc: Y.Doc;
  beats: readonly Beat[];
  scenes: readonly DerivedScene[] | null;
  readOnly: boolean;
  onDelete(id: string, title: string): void;
}

/**
 * After a move the card's DOM node may have been re-inserted, which drops focus: put it back where it was
 * (a card's title, say), or on the card's handle.
 */
function keepFocus(id: string) {
  const focused = document.activeElement;
  requestAnimationFrame(() => {
    if (document.activeElement === focused) return;
    if (focused instanceof HTMLElement && focused.isConnected && focused !== document.body) focused.focus();
    else document.querySelector<HTMLElement>(`[data-beat-id="${CSS.escape(id)}"] [data-testid="beat-handle"]`)?.focus();
  });
}

export function BeatBoard({ doc, beats, scenes, readOnly, onDelete }: Props) {
  const ids = beats.map((beat) => beat.id);
  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 5 } }),
    // A short press-and-hold on touch, so a swipe over the board still scrolls it.
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const titleOf = (id: string | number) => {
    const index = ids.indexOf(String(id));
    const beat = beats[index];
    return beat ? `beat ${index + 1}, ${beat.title || "untitled"}` : "the beat";
  };
  const positionOf = (id: string | number | undefined) => (id === undefined ? -1 : ids.indexOf(String(id)) + 1);
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${titleOf(active.id)}.`,
    onDragOver: ({ active, over }) => (over ? `${titleOf(active.id)} is over position ${positionOf(over.id)}.` : undefined),
    onDragEnd: ({ active, over }) => (over ? `Dropped ${titleOf(active.id)} at position ${positionOf(over.id)}.` : `Dropped ${titleOf(active.id)}.`),
    onDragCancel: ({ active }) => `Cancelled. ${titleOf(active.id)} stays where it was.`,
  };

  const onDragEnd = (event: DragEndEvent) => {
    const activeId = String(event.active.id);
    const to = dropTarget(ids, activeId, event.over ? String(event.over.id) : null);
    if (to === null) return;
    moveBeat(doc, activeId, to);
    if (event.activatorEvent instanceof KeyboardEvent) keepFocus(activeId);
  };

  const idsKey = ids.join(",");
  const onMoveKey = useCallback(
    (id: string, key: string) => {
      const to = keyboardMoveTarget(idsKey.split(","), id, key);
      if (to === null) return key.startsWith("Arrow") || key === "Home" || key === "End";
      moveBeat(doc, id, to);
      keepFocus(id);
      return true;
    },
    [doc, idsKey],
  );

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{ announcements }}
    >
      <SortableContext items={ids} strategy={rectSortingStrategy}>
        <ol className="beat-board" data-testid="beat-board" aria-label="Beats in story order">
          {beats.map((beat, index) => (
            <BeatCard
              key={beat.id}
              doc={doc}
              beat={beat}
              position={index + 1}
              scenes={scenes}
              readOnly={readOnly}
              onMoveKey={onMoveKey}
              onDelete={onDelete}
            />
          ))}
        </ol>
      </SortableContext>
    </DndContext>
  );
}
