/**
 * The one grammar for document names, built and parsed here and nowhere else.
 *
 *   p/<projectId>/project                                  project metadata
 *   p/<projectId>/b/<branchId>/script/<episodeId>          an episode's screenplay
 *   p/<projectId>/b/<branchId>/beats/<episodeId>           an episode's beat sheet
 *   p/<projectId>/b/<branchId>/storyboard/<sceneId>        a scene's ordered shots
 *   p/<projectId>/b/<branchId>/shot/<shotId>               one shot and its sketch layers
 *   p/<projectId>/b/<branchId>/render/<episodeId>          an episode's render state: each locked shot's render
 *                                                          and the animatic (written by the render worker only)
 *   p/<projectId>/b/<branchId>/notes/<kind>/<targetId>     comments and annotations on a script, storyboard or shot
 *
 * Ids follow ID_PATTERN; the main story timeline's branch id is "main". Anything else is refused before a
 * document is looked up or loaded.
 */
import { ID_PATTERN } from "./ids.js";

export const MAIN_BRANCH = "main";
export const BRANCHED_KINDS = ["script", "beats", "storyboard", "shot", "render"] as const;
export type BranchedKind = (typeof BRANCHED_KINDS)[number];
export const NOTE_TARGET_KINDS = ["script", "storyboard", "shot"] as const;
export type NoteTargetKind = (typeof NOTE_TARGET_KINDS)[number];
export type DocumentKind = "project" | BranchedKind | "notes";

export type DocumentName =
  | { kind: "project"; projectId: string }
  | { kind: BranchedKind; projectId: string; branchId: string; id: string }
  | { kind: "notes"; projectId: string; branchId: string; target: NoteTargetKind; id: string };

/** Longest name the grammar can produce; longer input is refused without being scanned. */
export const MAX_DOCUMENT_NAME_LENGTH = 96;

function isBranchId(value: string): boolean {
  return value === MAIN_BRANCH || ID_PATTERN.test(value);
}

export function parseDocumentName(name: unknown): DocumentName | null {
  if (typeof name !== "string" || name.length > MAX_DOCUMENT_NAME_LENGTH) return null;
  const parts = name.split("/");
  const [p, projectId] = parts;
  if (p !== "p" || projectId === undefined || !ID_PATTERN.test(projectId)) return null;
  if (parts.length === 3 && parts[2] === "project") return { kind: "project", projectId };
  const [, , b, branchId, kind, a, c] = parts;
  if (b !== "b" || branchId === undefined || !isBranchId(branchId) || kind === undefined) return null;
  if ((BRANCHED_KINDS as readonly string[]).includes(kind) && parts.length === 6) {
    if (a === undefined || !ID_PATTERN.test(a)) return null;
    return { kind: kind as BranchedKind, projectId, branchId, id: a };
  }
  if (kind === "notes" && parts.length === 7) {
    if (a === undefined || !(NOTE_TARGET_KINDS as readonly string[]).includes(a)) return null;
    if (c === undefined || !ID_PATTERN.test(c)) return null;
    return { kind: "notes", projectId, branchId, target: a as NoteTargetKind, id: c };
  }
  return null;
}

export function formatDocumentName(doc: DocumentName): string {
  switch (doc.kind) {
    case "project":
      return `p/${doc.projectId}/project`;
    case "notes":
      return `p/${doc.projectId}/b/${doc.branchId}/notes/${doc.target}/${doc.id}`;
    default:
      return `p/${doc.projectId}/b/${doc.branchId}/${doc.kind}/${doc.id}`;
  }
}

export function scriptDocumentName(projectId: string, episodeId: string, branchId = MAIN_BRANCH): string {
  return formatDocumentName({ kind: "script", projectId, branchId, id: episodeId });
}

export function beatsDocumentName(projectId: string, episodeId: string, branchId = MAIN_BRANCH): string {
  return formatDocumentName({ kind: "beats", projectId, branchId, id: episodeId });
}

export function storyboardDocumentName(projectId: string, sceneId: string, branchId = MAIN_BRANCH): string {
  return formatDocumentName({ kind: "storyboard", projectId, branchId, id: sceneId });
}

export function shotDocumentName(projectId: string, shotId: string, branchId = MAIN_BRANCH): string {
  return formatDocumentName({ kind: "shot", projectId, branchId, id: shotId });
}

export function renderDocumentName(projectId: string, episodeId: string, branchId = MAIN_BRANCH): string {
  return formatDocumentName({ kind: "render", projectId, branchId, id: episodeId });
}

export function notesDocumentName(projectId: string, target: NoteTargetKind, id: string, branchId = MAIN_BRANCH): string {
  return formatDocumentName({ kind: "notes", projectId, branchId, target, id });
}
