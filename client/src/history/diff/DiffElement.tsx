/**
 * One screenplay element of a comparison, in screenplay layout (the editor's sp-* element classes):
 * unchanged text plain, added text underlined, removed text struck, a changed element as its old text
 * struck then its new text. Each mark carries a symbol and words, so colour is never the only signal.
 */
import type { ElementDiff } from "@aiuteur/shared";
import { ELEMENT_MARK } from "./marks";

/** Empty elements still need something to mark: a blank line, a page break. */
function shown(type: ElementDiff["type"], text: string | undefined): string {
  if (text !== undefined && text !== "") return text;
  return type === "pageBreak" ? "(page break)" : "(blank line)";
}

export function DiffElement({ element }: { element: ElementDiff }) {
  const base = `sp-block sp-${element.type} script-diff-el`;
  if (element.status === "same") return <div className={base}>{element.after}</div>;
  const mark = ELEMENT_MARK[element.status];
  return (
    <div className={`${base} is-${element.status}`} data-testid="diff-element" data-status={element.status}>
      <span className="script-diff-sign" aria-hidden="true" title={mark.label}>
        {mark.symbol}
      </span>
      <span className="visually-hidden">{mark.label}: </span>
      {element.status !== "added" && <del className="script-diff-old">{shown(element.type, element.before)}</del>}
      {element.status === "changed" && <span className="visually-hidden">, now: </span>}
      {element.status !== "removed" && <ins className="script-diff-new">{shown(element.type, element.after)}</ins>}
    </div>
  );
}
