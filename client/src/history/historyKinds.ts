/** The documents with a history panel: the script, the beat board and a shot. */
import { parseDocumentName } from "@aiuteur/shared";

export const HISTORY_KINDS = ["script", "beats", "shot"] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];

export function historyKindOf(document: string): HistoryKind | null {
  const kind = parseDocumentName(document)?.kind;
  return (HISTORY_KINDS as readonly string[]).includes(kind ?? "") ? (kind as HistoryKind) : null;
}
