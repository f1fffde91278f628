/**
 * A shot compared with another state of it: every field in a table (the version, then now), changed
 * rows marked in words and with a symbol, and the two sketches side by side. Given the same document
 * twice, it is a read-only view of that shot.
 */
import { useMemo } from "react";
import type * as Y from "yjs";
import { diffShotFields, shotFieldTexts, type ShotFieldText } from "@aiuteur/shared";
import { useDocValue } from "../../scenes/useDocValue";
import { ELEMENT_MARK, plural } from "./marks";
import { SketchThumbnail } from "./SketchThumbnail";
import "./diff.css";

export interface ShotDiffViewProps {
  before: Y.Doc;
  after: Y.Doc;
  beforeLabel: string;
  afterLabel: string;
  /** Lets the sketches show over their reference images (fetched from this project's assets). */
  projectId?: string;
}

interface Row {
  field: string;
  label: string;
  before: string;
  after: string;
  changed: boolean;
}

const readTexts = (doc: Y.Doc) => shotFieldTexts(doc);

function compareRows(before: Y.Doc, after: Y.Doc, was: readonly ShotFieldText[], now: readonly ShotFieldText[]): Row[] {
  const changes = new Map(diffShotFields(before, after).map((change) => [change.field, change] as const));
  return now.map((row, index) => {
    const change = changes.get(row.field);
    return { field: row.field, label: row.label, before: change?.before ?? was[index]?.value ?? "", after: change?.after ?? row.value, changed: change !== undefined };
  });
}

const valueOrDash = (value: string) => (value === "" ? "—" : value);

export function ShotDiffView({ before, after, beforeLabel, afterLabel, projectId }: ShotDiffViewProps) {
  const single = before === after;
  const was = useDocValue(before, readTexts);
  const now = useDocValue(after, readTexts);
  const rows = useMemo(() => (was && now ? compareRows(before, after, was, now) : []), [before, after, was, now]);
  const changed = rows.filter((row) => row.changed).length;
  const strokes = (texts: readonly ShotFieldText[] | null) => texts?.find((row) => row.field === "sketch")?.value ?? "";

  return (
    <section className={`shot-diff${single ? " is-single" : ""}`} data-testid="shot-diff" aria-label={single ? beforeLabel : `${beforeLabel} compared with ${afterLabel}`}>
      {!single && (
        <p className="shot-diff-summary" data-testid="shot-diff-summary" role="status">
          {changed === 0 ? "No differences." : `${plural(changed, "field changed", "fields changed")}.`}
        </p>
      )}
      <div className="shot-diff-sketches">
        <SketchThumbnail doc={before} caption={beforeLabel} description={`Sketch, ${beforeLabel}: ${strokes(was)}`} projectId={projectId} />
        {!single && <SketchThumbnail doc={after} caption={afterLabel} description={`Sketch, ${afterLabel}: ${strokes(now)}`} projectId={projectId} />}
      </div>
      <table className="shot-diff-table">
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">{beforeLabel}</th>
            {!single && <th scope="col">{afterLabel}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.field} className={row.changed ? "is-changed" : undefined} data-testid="shot-diff-row" data-field={row.field} data-changed={row.changed}>
              <th scope="row">
                {row.changed && (
                  <span className="script-diff-sign" aria-hidden="true">
                    {ELEMENT_MARK.changed.symbol}
                  </span>
                )}
                {row.label}
                {row.changed && <span className="visually-hidden"> (changed)</span>}
              </th>
              <td data-label={beforeLabel}>{row.changed ? <del>{valueOrDash(row.before)}</del> : valueOrDash(row.before)}</td>
              {!single && <td data-label={afterLabel}>{row.changed ? <ins>{valueOrDash(row.after)}</ins> : valueOrDash(row.after)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
