/**
 * One storyboard panel: the sketch thumbnail (SVG from the shot's strokes, over its reference image), the
 * shot number, size, movement, duration, review status, lock and render state (a pill: rendering n%,
 * failed, rendered) and the first line of action; a click opens the shot. For writers: a drag handle
 * (mouse, touch, keyboard), Alt+ArrowLeft/Right to move it, a remove button and the quick-edit fields below.
 */
import { memo, type CSSProperties, type KeyboardEvent } from "react";
import { Link } from "react-router";
import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import type * as Y from "yjs";
import { SKETCH_ARRAY, readShotFields, readStrokes, shotDocumentName, strokesToSvg, type ShotFields } from "@aiuteur/shared";
import { useAssetUrl } from "../app/hooks/useAssetUrl";
import { shotPath } from "../app/episode/EpisodeTabs";
import { useBranchId } from "../branches/branchContext";
import { LockBadge } from "../locks/LockBadge";
import { isLocked } from "../locks/lockText";
import { useLockMirror } from "../locks/useLockMirror";
import { RenderBadge } from "../render/RenderBadge";
import { useShotRenderMirror } from "../render/useRenderMirrors";
import { useDocValue } from "../scenes/useDocValue";
import { ShotFieldsForm } from "./ShotFieldsForm";

const THUMB_WIDTH = 192;
const THUMB_HEIGHT = 108;

function svgUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
const sketchOnWhite = (doc: Y.Doc) => svgUrl(strokesToSvg(readStrokes(doc.getArray(SKETCH_ARRAY)), THUMB_WIDTH, THUMB_HEIGHT));
const sketchOnImage = (doc: Y.Doc) => svgUrl(strokesToSvg(readStrokes(doc.getArray(SKETCH_ARRAY)), THUMB_WIDTH, THUMB_HEIGHT, "none"));
const fieldsOf = (doc: Y.Doc): ShotFields | null => (doc.getMap("fields").size > 0 ? readShotFields(doc) : null);

export function statusClass(status: string): string {
  return `status-${status.replace(/\s+/g, "-")}`;
}

/** The line under the thumbnail: the action's first line, else the first line of dialogue. */
export function panelCaption(fields: Pick<ShotFields, "action" | "dialogue">): string {
  const action = fields.action.trim().split("\n")[0]?.trim() ?? "";
  if (action !== "") return action;
  const line = fields.dialogue[0];
  return line ? `${line.character}: ${line.text}` : "";
}

interface Props {
  projectId: string;
  episodeId: string;
  shotId: string;
  doc: Y.Doc | null;
  /** Reorder and remove (storyboard writers). */
  arrangeable: boolean;
  /** Quick edit of the fields (shot writers). */
  editable: boolean;
  onMove(shotId: string, direction: -1 | 1): void;
  onRemove(shotId: string, number: string): void;
}

export const ShotPanel = memo(function ShotPanel({ projectId, episodeId, shotId, doc, arrangeable, editable: mayEdit, onMove, onRemove }: Props) {
  const branchId = useBranchId();
  // A locked or invalidated shot shows it, and its quick-edit fields close at once.
  const lock = useLockMirror(doc, shotDocumentName(projectId, shotId, branchId));
  const editable = mayEdit && !isLocked(lock);
  // The render pill reads the shot document's own render mirror (this timeline's entry): the card already
  // holds the document, and only this card re-renders when its progress moves.
  const render = useShotRenderMirror(doc, branchId);
  const sortable = useSortable({ id: shotId, disabled: !arrangeable });
  const fields = useDocValue(doc, fieldsOf);
  const reference = useAssetUrl(projectId, fields?.referenceImage || null);
  const sketch = useDocValue(doc, reference ? sketchOnImage : sketchOnWhite);
  const style: CSSProperties = {
    transform: CSS.Translate.toString(sortable.transform),
    transition: sortable.transition,
  };
  const number = fields?.number ?? "…";
  const summary = fields ? `Shot ${number}, ${fields.size}, ${fields.movement}, ${fields.duration} s, ${fields.status}` : "Shot loading";

  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>) => {
    if (!arrangeable || !event.altKey || (event.key !== "ArrowLeft" && event.key !== "ArrowRight")) return;
    const target = event.target as HTMLElement;
    if (target.closest("input, select, textarea")) return;
    event.preventDefault();
    onMove(shotId, event.key === "ArrowLeft" ? -1 : 1);
  };

  return (
    <li
      ref={sortable.setNodeRef}
      style={style}
      className={`shot-panel ${fields ? statusClass(fields.status) : "loading"}${sortable.isDragging ? " dragging" : ""}`}
      data-testid="shot-panel"
      data-shot-id={shotId}
      data-shot-number={fields?.number}
      tabIndex={0}
      aria-label={summary}
      onKeyDown={onKeyDown}
    >
      <div className="shot-panel-frame">
        <Link to={shotPath(projectId, shotId, branchId)} state={{ episodeId }} className="shot-panel-open" aria-label={`Open shot ${number}`}>
          {reference && <img className="shot-panel-reference" src={reference} alt="" />}
          {sketch && <img className="shot-panel-sketch" src={sketch} alt="" width={THUMB_WIDTH} height={THUMB_HEIGHT} />}
        </Link>
        <span className="shot-panel-number" aria-hidden="true">
          {number}
        </span>
        {fields && (
          <span className={`shot-status-badge ${statusClass(fields.status)}`} data-testid="shot-status-badge">
            {fields.status}
          </span>
        )}
        <span className="shot-panel-lock">
          <LockBadge mirror={lock} />
        </span>
        <span className="shot-panel-render">
          <RenderBadge mirror={render} />
        </span>
      </div>
      <div className="shot-panel-meta">
        <span className="shot-panel-specs" data-testid="shot-specs">
          {fields ? `${fields.size} · ${fields.movement} · ${fields.duration} s` : "Loading…"}
        </span>
        {arrangeable && (
          <span className="shot-panel-tools">
            <button
              type="button"
              ref={sortable.setActivatorNodeRef}
              className="button-quiet shot-panel-handle"
              data-testid="shot-handle"
              aria-label={`Move shot ${number} (drag, or Space then arrow keys; Alt+Left/Right on the panel)`}
              {...sortable.attributes}
              {...sortable.listeners}
            >
              ⠿
            </button>
            <button
              type="button"
              className="button-quiet shot-panel-remove"
              data-testid="shot-remove"
              aria-label={`Remove shot ${number} from the storyboard`}
              onClick={() => onRemove(shotId, number)}
            >
              ×
            </button>
          </span>
        )}
      </div>
      {fields && <p className="shot-panel-caption">{panelCaption(fields) || <span className="muted">No action yet</span>}</p>}
      {editable && doc && fields && <ShotFieldsForm doc={doc} editable projectId={projectId} episodeId={episodeId} compact />}
    </li>
  );
});
