/**
 * The elements of one compared scene. In a changed scene, long stretches of unchanged elements are
 * folded to their first and last element with a button for the rest, so the changes stand out in a
 * long scene without losing their context.
 */
import { useState } from "react";
import type { ElementDiff } from "@aiuteur/shared";
import { DiffElement } from "./DiffElement";
import { plural } from "./marks";

/** Unchanged stretches this long or longer are folded. */
const FOLD_AT = 5;

type Piece = { kind: "element"; index: number } | { kind: "fold"; from: number; to: number };

function pieces(elements: readonly ElementDiff[], fold: boolean): Piece[] {
  const out: Piece[] = [];
  let i = 0;
  while (i < elements.length) {
    let end = i;
    while (end < elements.length && elements[end]!.status === "same") end++;
    if (fold && end - i >= FOLD_AT) {
      out.push({ kind: "element", index: i }, { kind: "fold", from: i + 1, to: end - 1 }, { kind: "element", index: end - 1 });
    } else {
      for (let k = i; k < end; k++) out.push({ kind: "element", index: k });
    }
    if (end < elements.length) out.push({ kind: "element", index: end });
    i = end + 1;
  }
  return out;
}

function Fold({ elements }: { elements: readonly ElementDiff[] }) {
  const [open, setOpen] = useState(false);
  if (open) return elements.map((element, index) => <DiffElement key={index} element={element} />);
  return (
    <button type="button" className="button-quiet script-diff-fold" data-testid="diff-fold" onClick={() => setOpen(true)}>
      ⋯ Show {plural(elements.length, "unchanged element", "unchanged elements")}
    </button>
  );
}

export function DiffElements({ elements, fold }: { elements: readonly ElementDiff[]; fold: boolean }) {
  return pieces(elements, fold).map((piece) =>
    piece.kind === "element" ? (
      <DiffElement key={piece.index} element={elements[piece.index]!} />
    ) : (
      <Fold key={`fold-${piece.from}`} elements={elements.slice(piece.from, piece.to)} />
    ),
  );
}
