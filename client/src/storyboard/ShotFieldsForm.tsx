/**
 * A shot's fields, live: compact (size, movement, duration, status; the quick edit under each storyboard
 * panel) or full (every field; the shot page). Every value is checked with shotPatchProblems before it
 * is written; a problem shows inline beside its field. Selects write at once; typed fields write while
 * valid (DraftInput); the action is a Y.Text so two people can type into it together.
 */
import { useEffect, useId } from "react";
import * as Y from "yjs";
import {
  CAMERA_ANGLES,
  CAMERA_MOVES,
  LENS_SUGGESTIONS,
  REVIEW_STATUSES,
  SHOT_SIZES,
  SHOT_SIZE_NAMES,
  durationProblem,
  readShotFields,
  shotActionText,
  shotPatchProblems,
  writeShotFields,
  type ShotFieldPatch,
  type ShotFields,
} from "@aiuteur/shared";
import { YTextArea } from "../app/collab/YTextArea";
import { useDocValue } from "../scenes/useDocValue";
import { DraftInput } from "./DraftInput";
import { ShotScriptLinks } from "./ShotScriptLinks";
import "./storyboard.css";

interface Props {
  doc: Y.Doc;
  editable: boolean;
  projectId: string;
  episodeId?: string;
  compact?: boolean;
}

/** Writes `patch` when valid; returns the problem to show otherwise. */
function writeIfValid(doc: Y.Doc, patch: ShotFieldPatch): string | null {
  const problems = Object.values(shotPatchProblems(patch));
  if (problems.length > 0) return problems[0] ?? null;
  writeShotFields(doc, patch);
  return null;
}

function Select<T extends string>(props: {
  label: string;
  value: T;
  options: readonly T[];
  names?: Partial<Record<T, string>>;
  editable: boolean;
  testId: string;
  onChange(value: T): void;
}) {
  const id = useId();
  return (
    <div className="shot-field">
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        value={props.value}
        disabled={!props.editable}
        data-testid={props.testId}
        onChange={(event) => props.onChange(event.target.value as T)}
      >
        {props.options.map((option) => (
          <option key={option} value={option} title={props.names?.[option]}>
            {option}
          </option>
        ))}
      </select>
    </div>
  );
}

export function ShotFieldsForm({ doc, editable, projectId, episodeId, compact = false }: Props) {
  const fields: ShotFields | null = useDocValue(doc, readShotFields);
  const lensListId = useId();
  const actionValue = doc.getMap("fields").get("action");
  const action = actionValue instanceof Y.Text ? actionValue : null;
  const synced = fields !== null && doc.getMap("fields").size > 0;
  useEffect(() => {
    // An old shot may lack the action's Y.Text: a writer creates it, but only on synced content, so it
    // cannot replace one the server already has.
    if (editable && synced && action === null) shotActionText(doc);
  }, [doc, editable, synced, action]);
  if (!fields) return null;
  const set = (patch: ShotFieldPatch) => {
    if (editable) writeIfValid(doc, patch);
  };

  const size = (
    <Select label="Size" value={fields.size} options={SHOT_SIZES} names={SHOT_SIZE_NAMES} editable={editable} testId="shot-size" onChange={(size) => set({ size })} />
  );
  const movement = (
    <Select label="Movement" value={fields.movement} options={CAMERA_MOVES} editable={editable} testId="shot-movement" onChange={(movement) => set({ movement })} />
  );
  const duration = (
    <DraftInput
      label="Duration"
      value={String(fields.duration)}
      problemOf={durationProblem}
      commit={(text) => set({ duration: Number(text.trim().replace(",", ".")) })}
      editable={editable}
      testId="shot-duration"
      className="shot-field-duration"
      inputMode="decimal"
      suffix="s"
    />
  );
  const status = (
    <Select label="Status" value={fields.status} options={REVIEW_STATUSES} editable={editable} testId="shot-status" onChange={(status) => set({ status })} />
  );

  if (compact) {
    return (
      <div className="shot-fields compact" role="group" aria-label={`Shot ${fields.number} quick edit`}>
        {size}
        {movement}
        {duration}
        {status}
      </div>
    );
  }

  return (
    <div className="shot-fields full" role="group" aria-label={`Shot ${fields.number} fields`}>
      <div className="shot-fields-row">
        <DraftInput
          label="Shot number"
          value={fields.number}
          problemOf={(text) => shotPatchProblems({ number: text.trim().toUpperCase() }).number ?? null}
          commit={(text) => set({ number: text.trim().toUpperCase() })}
          editable={editable}
          testId="shot-number"
          className="shot-field-number"
        />
        {size}
        <Select label="Angle" value={fields.angle} options={CAMERA_ANGLES} editable={editable} testId="shot-angle" onChange={(angle) => set({ angle })} />
        {movement}
        <DraftInput
          label="Lens"
          value={fields.lens}
          problemOf={(text) => shotPatchProblems({ lens: text.trim() }).lens ?? null}
          commit={(text) => set({ lens: text.trim() })}
          editable={editable}
          testId="shot-lens"
          list={lensListId}
          placeholder="35mm"
        />
        <datalist id={lensListId}>
          {LENS_SUGGESTIONS.map((lens) => (
            <option key={lens} value={lens} />
          ))}
        </datalist>
        {duration}
        {status}
      </div>
      <div className="shot-field shot-field-action">
        <label htmlFor={`${lensListId}-action`}>Action</label>
        <YTextArea
          id={`${lensListId}-action`}
          text={action}
          readOnly={!editable}
          placeholder="What we see"
          maxLength={4000}
          data-testid="shot-action"
        />
      </div>
      <ShotScriptLinks doc={doc} fields={fields} editable={editable} projectId={projectId} episodeId={episodeId} />
    </div>
  );
}
