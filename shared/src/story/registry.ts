/**
 * The project's registry of characters, locations, props and anything else the team tracks, in the
 * project document:
 *
 *   Y.Map "registry"  entry id → Y.Map { id, kind, name, description: Y.Text, images: Y.Array<assetId> }
 *
 * Characters and locations are derived from the scripts (see scenes.ts) and listed whether or not they
 * have an entry; an entry is created the first time someone adds a description or an image, keyed by
 * kind and normalised name so two people doing that at once converge on one entry.
 */
import * as Y from "yjs";
import { newId } from "../ids.js";
import { insertId, removeId, setText, textOf, uniqueIds } from "./yarray.js";

export const REGISTRY_MAP = "registry";
export const REGISTRY_KINDS = ["character", "location", "prop", "other"] as const;
export type RegistryKind = (typeof REGISTRY_KINDS)[number];
export const REGISTRY_LIMITS = { name: 120, description: 5000, images: 24 } as const;

export interface RegistryEntry {
  id: string;
  kind: RegistryKind;
  name: string;
  description: string;
  images: string[];
}

export function registryMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(REGISTRY_MAP);
}

/** Upper-cased, single-spaced: "Ana  maria" and "ANA MARIA" are one character. */
export function normaliseName(name: string): string {
  return name.replace(/\s+/g, " ").trim().toUpperCase();
}

/** The entry id for a derived name, the same on every replica. */
export function derivedEntryId(kind: RegistryKind, name: string): string {
  return `${kind}:${normaliseName(name)}`.slice(0, 200);
}

function isKind(value: unknown): value is RegistryKind {
  return typeof value === "string" && (REGISTRY_KINDS as readonly string[]).includes(value);
}

export function readRegistry(doc: Y.Doc): RegistryEntry[] {
  const entries: RegistryEntry[] = [];
  registryMap(doc).forEach((value, id) => {
    if (!(value instanceof Y.Map)) return;
    const kind = value.get("kind");
    const name = value.get("name");
    if (!isKind(kind) || typeof name !== "string") return;
    const images = value.get("images");
    entries.push({
      id,
      kind,
      name,
      description: textOf(value.get("description")),
      images: images instanceof Y.Array ? uniqueIds(images).slice(0, REGISTRY_LIMITS.images) : [],
    });
  });
  return entries.sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name));
}

/** Returns the entry's Y.Map, creating it (with the derived id for characters and locations) if needed. */
export function ensureRegistryEntry(doc: Y.Doc, kind: RegistryKind, name: string, id?: string): Y.Map<unknown> {
  const key = id ?? (kind === "character" || kind === "location" ? derivedEntryId(kind, name) : newId());
  const map = registryMap(doc);
  const existing = map.get(key);
  if (existing instanceof Y.Map) return existing;
  const entry = new Y.Map<unknown>();
  doc.transact(() => {
    entry.set("id", key);
    entry.set("kind", kind);
    entry.set("name", name.replace(/\s+/g, " ").trim().slice(0, REGISTRY_LIMITS.name));
    entry.set("description", new Y.Text(""));
    entry.set("images", new Y.Array<unknown>());
    map.set(key, entry);
  });
  return entry;
}

/** Adds a hand-made entry (a prop, say) and returns its id. */
export function addRegistryEntry(doc: Y.Doc, kind: RegistryKind, name: string): string {
  const entry = ensureRegistryEntry(doc, kind, name, kind === "character" || kind === "location" ? undefined : newId());
  return entry.get("id") as string;
}

export function setRegistryDescription(doc: Y.Doc, id: string, description: string): void {
  const entry = registryMap(doc).get(id);
  if (!(entry instanceof Y.Map)) return;
  doc.transact(() => {
    const current = entry.get("description");
    if (current instanceof Y.Text) setText(current, description.slice(0, REGISTRY_LIMITS.description));
    else entry.set("description", new Y.Text(description.slice(0, REGISTRY_LIMITS.description)));
  });
}

function imageList(entry: Y.Map<unknown>): Y.Array<unknown> {
  const value = entry.get("images");
  if (value instanceof Y.Array) return value;
  const list = new Y.Array<unknown>();
  entry.set("images", list);
  return list;
}

export function addRegistryImage(doc: Y.Doc, id: string, assetId: string): void {
  const entry = registryMap(doc).get(id);
  if (!(entry instanceof Y.Map)) return;
  doc.transact(() => {
    const list = imageList(entry);
    if (list.length < REGISTRY_LIMITS.images) insertId(list, assetId);
  });
}

export function removeRegistryImage(doc: Y.Doc, id: string, assetId: string): void {
  const entry = registryMap(doc).get(id);
  if (!(entry instanceof Y.Map)) return;
  doc.transact(() => removeId(imageList(entry), assetId));
}

export function removeRegistryEntry(doc: Y.Doc, id: string): void {
  registryMap(doc).delete(id);
}
