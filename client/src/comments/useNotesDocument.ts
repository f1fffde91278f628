/**
 * A notes document (comments and annotations) opened for a screen, and whether this person may write
 * to it: their role allows notes and the server gave the connection read-write. Reviewers write notes
 * even where the script, storyboard or shot is read-only for them.
 */
import type * as Y from "yjs";
import { canWrite, type Role } from "@aiuteur/shared";
import { useCollabDocument, type PresenceIdentity } from "../app/hooks/useCollabDocument";
import { useConnection, type ConnectionProblem } from "../app/hooks/useConnection";

export interface NotesDocument {
  doc: Y.Doc | null;
  editable: boolean;
  /** Why the notes connection is refused or closed, to say so where comments are shown. */
  problem: ConnectionProblem | null;
}

export function useNotesDocument(documentName: string | null, identity: PresenceIdentity, role: Role | null): NotesDocument {
  const collab = useCollabDocument(documentName, identity);
  const connection = useConnection(collab?.provider ?? null);
  const blocked = connection.problem?.kind === "auth" && !connection.problem.signInAgain;
  const editable = role !== null && canWrite(role, "notes") && connection.scope !== "readonly" && !blocked;
  return { doc: collab?.doc ?? null, editable, problem: connection.problem };
}
