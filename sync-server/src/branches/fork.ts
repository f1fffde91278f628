/**
 * Forking a branch: every document of the parent branch is copied into the new branch's namespace with
 * the parent's current content (Y.encodeStateAsUpdate, so the copy shares the parent's CRDT history and a
 * merge later only has to send what the branch added). When the fork starts from a version, that
 * version's document is copied from the version instead. Locks are rows of the parent's documents and are
 * not copied; the lock mirror inside a document is keyed by branch, so the copy shows none either.
 *
 * The branch row and every copy are written in one transaction: a fork is all there or not at all.
 */
import * as Y from "yjs";
import { newId, type BranchInfo } from "@aiuteur/shared";
import type { Services } from "../services.js";
import type { NamespaceDocument } from "../store/namespaces.js";
import { onBranch } from "./namespace.js";

export interface ForkRequest {
  projectId: string;
  name: string;
  parentId: string;
  /** The version to start its document from (a document of the parent branch), or null for "now". */
  fromVersion: { id: string; documentName: string; state: Uint8Array } | null;
  userId: string;
}

interface Copy extends NamespaceDocument {
  state: Uint8Array;
}

async function currentState(services: Services, name: string): Promise<Uint8Array> {
  const doc = await services.readDocument(name);
  return doc ? Y.encodeStateAsUpdate(doc) : Y.encodeStateAsUpdate(new Y.Doc());
}

/** The parent's documents as they will be written into the branch `branchId`. */
async function copiesFor(services: Services, request: ForkRequest, branchId: string): Promise<Copy[]> {
  const { projectId, parentId, fromVersion } = request;
  const sources = await services.branches.namespaces.documents(projectId, parentId);
  const copies: Copy[] = [];
  for (const source of sources) {
    const name = onBranch(source.name, branchId);
    if (!name) continue;
    const state = source.name === fromVersion?.documentName ? fromVersion.state : await currentState(services, source.name);
    copies.push({ name, kind: source.kind, state });
  }
  return copies;
}

export async function forkBranch(services: Services, request: ForkRequest): Promise<BranchInfo> {
  const id = newId();
  const copies = await copiesFor(services, request, id);
  await services.db.transaction(async (tx) => {
    await services.branches.insert(tx, {
      id,
      projectId: request.projectId,
      name: request.name,
      parentId: request.parentId,
      fromVersion: request.fromVersion?.id ?? null,
      createdBy: request.userId,
    });
    for (const copy of copies) await services.documents.create(tx, copy.name, request.projectId, copy.kind, copy.state);
  });
  services.log.info("branch.forked", { projectId: request.projectId, branchId: id, parentId: request.parentId, documents: copies.length });
  const info = await services.branches.get(request.projectId, id);
  if (!info) throw new Error(`Branch ${id} vanished right after it was created`);
  return info;
}
