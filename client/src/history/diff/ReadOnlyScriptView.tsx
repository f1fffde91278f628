/**
 * A version of a script shown as a page, read-only: its title, then every element in screenplay layout
 * with its marks and scene numbers, without an editor (nothing here can change the version).
 */
import type * as Y from "yjs";
import { deriveScenes, readScreenplay, titlePageValue, type Screenplay } from "@aiuteur/shared";
import { useDocValue } from "../../scenes/useDocValue";
import { StaticBlock } from "./StaticBlock";
import "../../editor/screenplay.css";
import "./diff.css";

export interface ReadOnlyScriptViewProps {
  doc: Y.Doc;
}

interface Page {
  screenplay: Screenplay;
  /** Scene numbers by the index of their heading block. */
  numbers: Map<number, string>;
}

/** Title-page values keep their Fountain emphasis markup (**bold**, _underline_); a heading shows the words. */
const plainTitle = (value: string) => value.replace(/\\([*_])|[*_]/g, "$1").trim();

function readPage(doc: Y.Doc): Page {
  const screenplay = readScreenplay(doc);
  const numbers = new Map(deriveScenes(screenplay.blocks).map((scene) => [scene.startIndex, scene.number] as const));
  return { screenplay, numbers };
}

export function ReadOnlyScriptView({ doc }: ReadOnlyScriptViewProps) {
  const page = useDocValue(doc, readPage);
  if (!page) return null;
  const { screenplay, numbers } = page;
  const title = plainTitle(titlePageValue(screenplay.titlePage, "Title"));
  return (
    <article className="script-static" data-testid="readonly-script" aria-label={title ? `${title}, read only` : "Script, read only"}>
      {screenplay.blocks.length === 0 ? (
        <p className="empty">This version of the script is empty.</p>
      ) : (
        <div className="sp-page script-static-page">
          {title && <h3 className="script-static-title">{title}</h3>}
          {screenplay.blocks.map((block, index) => (
            <StaticBlock key={index} block={block} sceneNumber={numbers.get(index)} />
          ))}
        </div>
      )}
    </article>
  );
}
