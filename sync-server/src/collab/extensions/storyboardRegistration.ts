/**
 * Registers a scene's storyboard (its `storyboards` row and its storyboard and notes documents, in the
 * script's own branch) as soon as the scene heading appears in a live script, so a scene typed by one writer can be opened by anyone
 * without a request to the scene list first. Authorization refuses documents that have no row, so the row
 * must exist before a client asks.
 *
 * Every change to a script is scanned for heading ids (top-level blocks only: cheap even for a long
 * script); only ids not seen before reach the database.
 */
import type { Extension, afterLoadDocumentPayload, afterUnloadDocumentPayload, onChangePayload } from "@hocuspocus/server";
import * as Y from "yjs";
import { isId, parseDocumentName, SCREENPLAY_FRAGMENT } from "@aiuteur/shared";
import type { Services } from "../../services.js";

/** The sceneId of every scene heading in a script document, each once, well-formed ids only. */
export function headingSceneIds(doc: Y.Doc): string[] {
  const ids = new Set<string>();
  for (const node of doc.getXmlFragment(SCREENPLAY_FRAGMENT).toArray()) {
    if (!(node instanceof Y.XmlElement) || node.nodeName !== "sceneHeading") continue;
    const id = node.getAttribute("sceneId");
    // A hand-crafted update may carry any attribute value: only real ids become document names.
    if (isId(id)) ids.add(id);
  }
  return [...ids];
}

export function storyboardRegistration(services: Services): Extension {
  /** Per loaded script: scene ids already registered (or being registered). */
  const known = new Map<string, Set<string>>();
  const log = services.log.child({ component: "storyboard-registration" });

  function register(documentName: string, doc: Y.Doc): void {
    const name = parseDocumentName(documentName);
    if (!name || name.kind !== "script") return;
    let seen = known.get(documentName);
    if (!seen) known.set(documentName, (seen = new Set()));
    const fresh = headingSceneIds(doc).filter((id) => !seen.has(id));
    if (fresh.length === 0) return;
    for (const id of fresh) seen.add(id);
    services.storyboards.registerScenes(name.projectId, name.id, fresh, name.branchId).catch((error: unknown) => {
      // Forget them so the next change (or the scene list) tries again.
      for (const id of fresh) seen.delete(id);
      log.error("storyboard.register-failed", { documentName, error });
    });
  }

  return {
    extensionName: "aiuteur-storyboard-registration",
    async afterLoadDocument({ documentName, document }: afterLoadDocumentPayload) {
      register(documentName, document);
    },
    async onChange({ documentName, document }: onChangePayload) {
      register(documentName, document);
    },
    async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload) {
      known.delete(documentName);
    },
  };
}
