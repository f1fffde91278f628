/**
 * Every document carries a schema version in its `meta` map. Loading runs the named, append-only
 * migrations that the document has not seen yet, on the server (onLoadDocument) and in the client
 * (documents restored from IndexedDB may be older than the server's).
 *
 * Rules: never edit or reorder a published migration; add a new one at the end. A migration must be
 * idempotent, because two replicas may run it concurrently before they sync.
 */
import * as Y from "yjs";
import type { DocumentKind } from "./documentNames.js";
import { newId } from "./ids.js";
import { SCREENPLAY_FRAGMENT } from "./screenplay/nodes.js";

export const META_MAP = "meta";
export const SCHEMA_VERSION_KEY = "schemaVersion";
/** Transaction origin of migrations, so persistence and undo managers can recognise them. */
export const MIGRATION_ORIGIN = "aiuteur:migration";

export interface DocumentMigration {
  name: string;
  run(doc: Y.Doc): void;
}

/** Gives every scene heading a sceneId: scripts written before scene identity existed, or repaired. */
function ensureSceneIds(doc: Y.Doc): void {
  const seen = new Set<string>();
  for (const node of doc.getXmlFragment(SCREENPLAY_FRAGMENT).toArray()) {
    if (!(node instanceof Y.XmlElement) || node.nodeName !== "sceneHeading") continue;
    const id = node.getAttribute("sceneId");
    if (typeof id === "string" && id !== "" && !seen.has(id)) {
      seen.add(id);
      continue;
    }
    const fresh = newId();
    seen.add(fresh);
    node.setAttribute("sceneId", fresh);
  }
}

export const MIGRATIONS: Record<DocumentKind, readonly DocumentMigration[]> = {
  project: [],
  script: [{ name: "script-0001-scene-ids", run: ensureSceneIds }],
  beats: [],
  storyboard: [],
  shot: [],
  notes: [],
  render: [],
};

export function schemaVersionOf(doc: Y.Doc): number {
  const value = doc.getMap(META_MAP).get(SCHEMA_VERSION_KEY);
  return typeof value === "number" && Number.isInteger(value) && value >= 0 ? value : 0;
}

export function latestSchemaVersion(kind: DocumentKind): number {
  return MIGRATIONS[kind].length;
}

/** Runs the migrations `doc` has not seen; returns their names (empty when it was current). */
export function migrateDocument(doc: Y.Doc, kind: DocumentKind): string[] {
  const migrations = MIGRATIONS[kind];
  const from = schemaVersionOf(doc);
  if (from >= migrations.length) return [];
  const ran: string[] = [];
  doc.transact(() => {
    for (const migration of migrations.slice(from)) {
      migration.run(doc);
      ran.push(migration.name);
    }
    doc.getMap(META_MAP).set(SCHEMA_VERSION_KEY, migrations.length);
  }, MIGRATION_ORIGIN);
  return ran;
}
