/**
 * One index card on the beat board: title and description co-edited live (each bound to its Y.Text),
 * act, colour (the card takes its tint), linked scenes, and a handle to drag it (mouse, touch, or the
 * keyboard: Space to pick up, arrows to move, Space to drop). Alt+arrow keys anywhere on the card move it
 * one place earlier or later without picking it up.
 */
import { useMemo, type KeyboardEvent } from "react";
import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import type * as Y from "yjs";
import { ACTS, beatText, updateBeat, type Act, type Beat, type DerivedScene } from "@aiuteur/shared";
import { YTextArea } from "../app/collab/YTextArea";
import { BeatColorPicker } from "./BeatColorPicker";
import { SceneLinks } from "./SceneLinks";

interface Props {
  doc: Y.Doc;
  beat: Beat;
  position: number;
  scenes: readonly DerivedScene[] | null;
  readOnly: boolean;
  /** Alt+arrow (and Alt+Home/End) on the card: the board decides where that lands. */
  onMoveKey(id: string, key: string): boolean;
  onDelete(id: string, title: string): void;
}

export function BeatCard({ doc, beat, position, scenes, readOnly, onMoveKey, onDelete }: Props) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: beat.id,
    disabled: readOnly,
  });
  // The Y.Text objects live as long as the beat; looking them up once per beat keeps the inputs bound.
  const title = useMemo(() => beatText(doc, beat.id, "title"), [doc, beat.id]);
  const description = useMemo(() => beatText(doc, beat.id, "description"), [doc, beat.id]);
  const name = beat.title.trim() || `beat ${position}`;

  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>) => {
    if (readOnly || !event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (onMoveKey(beat.id, event.key)) event.preventDefault();
  };

  return (
    <li
      ref={setNodeRef}
      className={`beat-card beat-color-${beat.color}${isDragging ? " dragging" : ""}`}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      data-testid="beat-card"
      data-beat-id={beat.id}
      aria-label={`Beat ${position}: ${beat.title || "untitled"}`}
      onKeyDown={onKeyDown}
    >
      <div className="beat-card-top">
        {!readOnly && (
          <button
            type="button"
            ref={setActivatorNodeRef}
            className="beat-handle"
            data-testid="beat-handle"
            aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
            title="Drag to reorder (or Alt+↑ / Alt+↓)"
            {...attributes}
            {...listeners}
            aria-label={`Move ${name}. Space to pick up, arrows to move; or Alt+Up and Alt+Down`}
          >
            <span aria-hidden="true">⠿</span>
          </button>
        )}
        <span className="beat-number" aria-hidden="true">
          {position}
        </span>
        <select
          className="beat-act"
          aria-label={`Act of ${name}`}
          data-testid="beat-act"
          value={beat.act}
          disabled={readOnly}
          onChange={(event) => updateBeat(doc, beat.id, { act: Number(event.target.value) as Act })}
        >
          {ACTS.map((act) => (
            <option key={act} value={act}>
              Act {act}
            </option>
          ))}
        </select>
        {!readOnly && (
          <button
            type="button"
            className="beat-delete button-quiet"
            aria-label={`Delete ${name}`}
            title="Delete beat"
            data-testid="beat-delete"
            onClick={() => onDelete(beat.id, beat.title)}
          >
            ×
          </button>
        )}
      </div>
      <YTextArea
        text={title}
        multiline={false}
        readOnly={readOnly}
        className="beat-title"
        placeholder="Beat title"
        aria-label={`Title of beat ${position}`}
        data-testid="beat-title"
      />
      <YTextArea
        text={description}
        readOnly={readOnly}
        rows={3}
        className="beat-description"
        placeholder={readOnly ? "" : "What happens"}
        aria-label={`Description of beat ${position}`}
        data-testid="beat-description"
      />
      <BeatColorPicker
        value={beat.color}
        readOnly={readOnly}
        label={`Colour of ${name}`}
        onChange={(color) => updateBeat(doc, beat.id, { color })}
      />
      <SceneLinks doc={doc} beatId={beat.id} beatTitle={beat.title} sceneIds={beat.sceneIds} scenes={scenes} readOnly={readOnly} />
    </li>
  );
}
