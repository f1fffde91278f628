import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { SCREENPLAY_FRAGMENT } from "@aiuteur/shared";
import { ApiClient, uniqueEmail } from "./helpers/api.js";
import { startChildServer, type ChildServer } from "./helpers/childServer.js";
import { connect, type CollabClient } from "./helpers/collab.js";
import { blockTexts } from "./helpers/script.js";
import { createStorage, DIALECTS, type TestStorage } from "./helpers/storage.js";


describe.each(DIALECTS)("durability on %s", (dialect) => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it("keeps every acknowledged edit when the server is killed with SIGKILL mid-stream", async () => {
    const storage: TestStorage = await createStorage(dialect);
    cleanups.push(() => storage.cleanup());
    let server: ChildServer = await startChildServer(storage);
    cleanups.push(() => server.stop());

    const api = new ApiClient(server.url);
    await api.signup(uniqueEmail("crash"));
    const project = await api.createProject("Crash");
    const { documents } = await api.createEpisode(project.id, "Ep");

    const writer: CollabClient = connect(server.url, documents.script, api.token!);
    cleanups.push(() => writer.destroy());
    expect(await writer.ready).toEqual({ synced: true });

    // Stream edits. The provider counts updates it has sent and the server has not acknowledged, and the
    // server acknowledges a connection's updates in the order they arrive: so at any moment the first
    // `sent - unsyncedChanges` edits are acknowledged (stored), even while the stream never pauses.
    let sent = 0;
    const fragment = writer.doc.getXmlFragment(SCREENPLAY_FRAGMENT);
    const started = Date.now();
    while (Date.now() - started < 1500) {
      const block = new Y.XmlElement("action");
      block.insert(0, [new Y.XmlText(`edit ${sent}`)]);
      fragment.insert(fragment.length, [block]);
      sent += 1;
      await new Promise((resolve) => setTimeout(resolve, 3));
    }
    const acknowledged = sent - writer.provider.unsyncedChanges;
    await server.kill9();
    const acknowledgedAtKill = acknowledged;
    writer.destroy();
    expect(acknowledgedAtKill).toBeGreaterThan(50);

    server = await startChildServer(storage);
    const reader = connect(server.url, documents.script, api.token!);
    cleanups.push(() => reader.destroy());
    expect(await reader.ready).toEqual({ synced: true });
    const present = new Set(blockTexts(reader.doc));
    const missing = Array.from({ length: acknowledgedAtKill }, (_, i) => `edit ${i}`).filter((t) => !present.has(t));
    expect(missing).toEqual([]);
    // Nothing appears that was never written, and order is the order of writing.
    const edits = blockTexts(reader.doc).filter((t) => t.startsWith("edit "));
    expect(edits).toEqual(Array.from({ length: edits.length }, (_, i) => `edit ${i}`));
  });
});
