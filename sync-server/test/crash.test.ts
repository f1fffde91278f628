/**
 * kill -9 under load: several writers on several documents, with awareness, stream edits into the real server
 * (a child process); after the crash and a restart every edit any writer saw acknowledged is stored.
 * durability.test.ts covers one writer on one document; this is the multi-writer, multi-document case.
 */
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { SCREENPLAY_FRAGMENT } from "@aiuteur/shared";
import { ApiClient, uniqueEmail } from "./helpers/api.js";
import { startChildServer, type ChildServer } from "./helpers/childServer.js";
import { connect, type CollabClient } from "./helpers/collab.js";
import { blockTexts } from "./helpers/script.js";
import { createStorage, DIALECTS, type TestStorage } from "./helpers/storage.js";

const DOCUMENTS = 3;
const WRITERS_PER_DOCUMENT = 2;
const STREAM_MS = 1500;

interface Writer {
  client: CollabClient;
  document: string;
  label: string;
  sent: number;
  acknowledged: number;
}

/** Appends `${label} edit ${n}` blocks until told to stop; tracks how many the server acknowledged. */
async function stream(writer: Writer, until: number): Promise<void> {
  const fragment = writer.client.doc.getXmlFragment(SCREENPLAY_FRAGMENT);
  while (Date.now() < until) {
    const block = new Y.XmlElement("action");
    block.insert(0, [new Y.XmlText(`${writer.label} edit ${writer.sent}`)]);
    fragment.insert(fragment.length, [block]);
    writer.sent += 1;
    writer.client.provider.setAwarenessField("cursor", { block: writer.sent });
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe.each(DIALECTS)("kill -9 under a multi-writer, multi-document load on %s", (dialect) => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it("keeps every edit any writer saw acknowledged", async () => {
    const storage: TestStorage = await createStorage(dialect);
    cleanups.push(() => storage.cleanup());
    let server: ChildServer = await startChildServer(storage);
    cleanups.push(() => server.stop());

    const api = new ApiClient(server.url);
    await api.signup(uniqueEmail("crash-load"));
    const project = await api.createProject("Crash under load");
    const documents: string[] = [];
    for (let index = 0; index < DOCUMENTS; index += 1) {
      documents.push((await api.createEpisode(project.id, `Ep ${index}`)).documents.script);
    }

    const writers: Writer[] = [];
    for (const [docIndex, document] of documents.entries()) {
      for (let index = 0; index < WRITERS_PER_DOCUMENT; index += 1) {
        const client = connect(server.url, document, api.token!);
        cleanups.push(() => client.destroy());
        const writer: Writer = { client, document, label: `d${docIndex}w${index}`, sent: 0, acknowledged: 0 };
        // Whenever this provider has nothing unacknowledged, everything it sent so far is stored.
        client.provider.on("unsyncedChanges", () => {
          if (client.provider.unsyncedChanges === 0) writer.acknowledged = writer.sent;
        });
        writers.push(writer);
      }
    }
    for (const writer of writers) expect(await writer.client.ready).toEqual({ synced: true });

    const until = Date.now() + STREAM_MS;
    const streaming = Promise.all(writers.map((writer) => stream(writer, until)));
    await new Promise((resolve) => setTimeout(resolve, STREAM_MS * 0.8));
    await server.kill9();
    const acknowledgedAtKill = new Map(writers.map((writer) => [writer.label, writer.acknowledged]));
    await streaming;
    for (const writer of writers) writer.client.destroy();
    // The load is real: every writer streamed, and the server had acknowledged plenty before it died. One
    // writer may see none acknowledged on a busy machine (its provider never drained), which is still valid.
    for (const writer of writers) expect(writer.sent).toBeGreaterThan(10);
    const totalAcknowledged = [...acknowledgedAtKill.values()].reduce((sum, count) => sum + count, 0);
    expect(totalAcknowledged).toBeGreaterThan(writers.length * 10);

    server = await startChildServer(storage);
    for (const document of documents) {
      const reader = connect(server.url, document, api.token!);
      cleanups.push(() => reader.destroy());
      expect(await reader.ready).toEqual({ synced: true });
      const present = new Set(blockTexts(reader.doc));
      for (const writer of writers.filter((candidate) => candidate.document === document)) {
        const count = acknowledgedAtKill.get(writer.label) ?? 0;
        const missing = Array.from({ length: count }, (_, n) => `${writer.label} edit ${n}`).filter((text) => !present.has(text));
        expect(missing).toEqual([]);
      }
      // Nothing from another document leaks in.
      const foreign = [...present].filter((text) => /^d\d+w/.test(text) && !text.startsWith(`d${documents.indexOf(document)}w`));
      expect(foreign).toEqual([]);
    }
  }, 60_000);
});
