import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import * as Y from "yjs";
import type { Database, Queryable } from "../src/db/database.js";
import { migrate, MIGRATIONS } from "../src/db/migrations.js";
import { openDatabase } from "../src/db/open.js";
import { DocumentStore } from "../src/store/documents.js";
import { createStorage, DIALECTS, type TestStorage } from "./helpers/storage.js";

const NAME = "p/aaaaaaaaaaaaaaaa/b/main/script/bbbbbbbbbbbbbbbb";

function textUpdate(base: Y.Doc, text: string): Uint8Array {
  const before = Y.encodeStateVector(base);
  base.getText("t").insert(base.getText("t").length, text);
  return Y.encodeStateAsUpdate(base, before);
}

describe.each(DIALECTS)("document store on %s", (dialect) => {
  let storage: TestStorage;
  let db: Database;
  let store: DocumentStore;

  beforeAll(async () => {
    storage = await createStorage(dialect);
    db = await openDatabase({ databaseUrl: storage.databaseUrl, dataDir: storage.dataDir }, () => undefined);
    store = new DocumentStore(db);
    await db.execute("INSERT INTO users (id, email, display_name, password_hash, created_at) VALUES ('u', 'u@x', 'U', 'h', 0)");
    await db.execute("INSERT INTO projects (id, title, created_by, created_at) VALUES ('aaaaaaaaaaaaaaaa', 'P', 'u', 0)");
    await db.transaction((tx) => store.create(tx, NAME, "aaaaaaaaaaaaaaaa", "script", Y.encodeStateAsUpdate(new Y.Doc())));
  });
  afterAll(async () => {
    await db.close();
    await storage.cleanup();
  });

  it("migrates once: running the migrations again changes nothing", async () => {
    expect(await migrate(db)).toEqual([]);
    const rows = await db.query<{ name: string }>("SELECT name FROM schema_migrations ORDER BY name");
    expect(rows.map((r) => r.name)).toEqual(MIGRATIONS.map((m) => m.name));
  });

  it("loads state plus the log tail, and compaction folds the tail in without losing any of it", async () => {
    const author = new Y.Doc();
    const live = new Y.Doc();
    const updates = ["one ", "two ", "three"].map((t) => textUpdate(author, t));
    for (const update of updates) await store.append(NAME, update);
    // The live copy has applied only the first update: the others are appended but not yet applied,
    // the window a crash or a race could fall into. Compaction must still keep them.
    Y.applyUpdate(live, updates[0]!);
    const loaded = await store.load(NAME);
    expect(loaded?.updates.length).toBe(3);
    const result = await store.compact(NAME, live, loaded!.version);
    expect(result.version).toBe(loaded!.version + 1);
    const after = await store.load(NAME);
    expect(after?.updates).toEqual([]);
    const reopened = new Y.Doc();
    Y.applyUpdate(reopened, after!.state!);
    expect(reopened.getText("t").toString()).toBe("one two three");
  });

  it("merges a state another instance wrote instead of overwriting it", async () => {
    const other = new Y.Doc();
    Y.applyUpdate(other, (await store.load(NAME))!.state!);
    const mine = new Y.Doc();
    Y.applyUpdate(mine, (await store.load(NAME))!.state!);
    const myVersion = (await store.load(NAME))!.version;
    // Another instance appends and compacts first, deleting its log rows.
    await store.append(NAME, textUpdate(other, " from elsewhere"));
    await store.compact(NAME, other, myVersion);
    // This instance's live copy never saw that edit; its compaction must keep it.
    mine.getText("t").insert(0, "Mine: ");
    await store.compact(NAME, mine, myVersion);
    const final = new Y.Doc();
    Y.applyUpdate(final, (await store.load(NAME))!.state!);
    expect(final.getText("t").toString()).toBe("Mine: one two three from elsewhere");
  });

  it("keeps the log when compaction fails half-way, so a retry loses nothing", async () => {
    const author = new Y.Doc();
    Y.applyUpdate(author, (await store.load(NAME))!.state!);
    await store.append(NAME, textUpdate(author, "!"));
    // Storage that dies when the new state is written: the transaction must roll back whole.
    const failing: Database = Object.create(db, {
      transaction: {
        value: <T>(work: (tx: Queryable) => Promise<T>) =>
          db.transaction((tx) =>
            work({
              query: tx.query.bind(tx),
              execute: async (sql, params) => {
                if (sql.startsWith("UPDATE documents")) throw new Error("disk full");
                return tx.execute(sql, params);
              },
            }),
          ),
      },
    });
    await expect(new DocumentStore(failing).compact(NAME, author, 0)).rejects.toThrow("disk full");
    expect((await store.load(NAME))!.updates.length).toBe(1);
    await store.compact(NAME, new Y.Doc(), -1);
    const final = new Y.Doc();
    Y.applyUpdate(final, (await store.load(NAME))!.state!);
    expect(final.getText("t").toString()).toBe("Mine: one two three from elsewhere!");
  });
});

describe("document store compaction with two instances appending (PostgreSQL)", () => {
  let storage: TestStorage;
  let db: Database;

  beforeAll(async () => {
    storage = await createStorage("postgres");
    db = await openDatabase({ databaseUrl: storage.databaseUrl, dataDir: storage.dataDir }, () => undefined);
    await db.execute("INSERT INTO users (id, email, display_name, password_hash, created_at) VALUES ('u', 'u@x', 'U', 'h', 0)");
    await db.execute("INSERT INTO projects (id, title, created_by, created_at) VALUES ('aaaaaaaaaaaaaaaa', 'P', 'u', 0)");
  });
  afterAll(async () => {
    await db.close();
    await storage.cleanup();
  });

  it("never deletes a log row with a smaller id that committed after compaction read the log", async () => {
    const store = new DocumentStore(db);
    await db.transaction((tx) => store.create(tx, NAME, "aaaaaaaaaaaaaaaa", "script", Y.encodeStateAsUpdate(new Y.Doc())));
    const writer = new Y.Doc();
    const slow = textUpdate(writer, "slow ");
    const fast = textUpdate(writer, "fast");

    // Instance B starts its append first (its row takes the smaller id) but commits late.
    const instanceB = new pg.Client({ connectionString: storage.databaseUrl! });
    await instanceB.connect();
    try {
      await instanceB.query("BEGIN");
      await instanceB.query("INSERT INTO document_updates (document_name, data, created_at) VALUES ($1, $2, $3)", [NAME, Buffer.from(slow), Date.now()]);
      // Instance A appends and commits (the larger id), then compacts; B commits right after A read the log.
      await store.append(NAME, fast);
      const commitsAfterLogRead: Database = {
        ...db,
        transaction: (work) =>
          db.transaction((tx) =>
            work({
              execute: (sql, params) => tx.execute(sql, params),
              query: async (sql, params) => {
                const rows = await tx.query(sql, params);
                if (sql.startsWith("SELECT id, data FROM document_updates")) await instanceB.query("COMMIT");
                return rows as never;
              },
            } as Queryable),
          ),
      };
      const live = new Y.Doc();
      Y.applyUpdate(live, fast);
      await new DocumentStore(commitsAfterLogRead).compact(NAME, live, 0);
    } finally {
      await instanceB.end();
    }

    const loaded = (await store.load(NAME))!;
    const reader = new Y.Doc();
    if (loaded.state) Y.applyUpdate(reader, loaded.state);
    for (const update of loaded.updates) Y.applyUpdate(reader, update);
    expect(reader.getText("t").toString()).toBe("slow fast");
  });
});
