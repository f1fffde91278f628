/**
 * Episodes created before the beat sheet and script comments existed get their (empty) documents when
 * the server upgrades, and those documents open although they have no stored state and no log yet.
 */
import { join } from "node:path";
import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { beatsDocumentName, notesDocumentName, scriptDocumentName } from "@aiuteur/shared";
import type { Database } from "../src/db/database.js";
import { MIGRATIONS } from "../src/db/migrations.js";
import { PostgresDatabase } from "../src/db/postgres.js";
import { SqliteDatabase } from "../src/db/sqlite.js";
import { connect, waitForAcknowledged, type CollabClient } from "./helpers/collab.js";
import { startTestServer, type TestServer } from "./helpers/server.js";
import { createStorage, DIALECTS, type TestStorage } from "./helpers/storage.js";

/** Applies only the migrations that existed before issue 3, the way an old server left the database. */
async function migrateAsBefore(db: Database): Promise<void> {
  await db.executeScript("CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)");
  for (const migration of MIGRATIONS.filter((m) => m.name < "0003")) {
    const sql = typeof migration.sql === "string" ? migration.sql : migration.sql[db.dialect];
    for (const statement of sql.split(";").map((s) => s.trim()).filter(Boolean)) await db.execute(statement);
    await db.execute("INSERT INTO schema_migrations (name, applied_at) VALUES ($1, $2)", [migration.name, 0]);
  }
}

const PROJECT = "pppppppppppppppp";
const EPISODE = "eeeeeeeeeeeeeeee";
const USER = "uuuuuuuuuuuuuuuu";

/** An episode as the old server stored it: a script document, and no beats or notes documents. */
async function seedOldEpisode(db: Database): Promise<void> {
  await db.execute("INSERT INTO users (id, email, display_name, password_hash, created_at) VALUES ($1, 'old@example.test', 'Old', 'x', 0)", [USER]);
  await db.execute("INSERT INTO projects (id, title, created_by, created_at) VALUES ($1, 'Old', $2, 0)", [PROJECT, USER]);
  await db.execute("INSERT INTO memberships (project_id, user_id, role, created_at) VALUES ($1, $2, 'owner', 0)", [PROJECT, USER]);
  await db.execute("INSERT INTO episodes (id, project_id, title, position, created_by, created_at) VALUES ($1, $2, 'Pilot', 1, $3, 0)", [
    EPISODE,
    PROJECT,
    USER,
  ]);
  await db.execute(
    "INSERT INTO documents (name, project_id, kind, state, state_version, created_at, updated_at) VALUES ($1, $2, 'script', $3, 1, 0, 0)",
    [scriptDocumentName(PROJECT, EPISODE), PROJECT, Y.encodeStateAsUpdate(new Y.Doc())],
  );
}

describe.each(DIALECTS)("upgrading existing episodes on %s", (dialect) => {
  let storage: TestStorage;
  let server: TestServer;
  const clients: CollabClient[] = [];

  beforeAll(async () => {
    storage = await createStorage(dialect);
    mkdirSync(storage.dataDir, { recursive: true });
    const old: Database = storage.databaseUrl
      ? new PostgresDatabase(storage.databaseUrl, () => undefined)
      : new SqliteDatabase(join(storage.dataDir, "aiuteur.sqlite"));
    await migrateAsBefore(old);
    await seedOldEpisode(old);
    await old.close();
    server = await startTestServer(dialect, { storage });
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server.stop();
    await storage.cleanup();
  });

  it("backfills the beats, script-notes and project documents, which open empty and take edits", async () => {
    const beats = beatsDocumentName(PROJECT, EPISODE);
    const notes = notesDocumentName(PROJECT, "script", EPISODE);
    // The project document holds the characters/locations/props registry.
    const project = `p/${PROJECT}/project`;
    const rows = await server.services.db.query<{ name: string; kind: string; state: unknown }>(
      "SELECT name, kind, state FROM documents WHERE project_id = $1 AND kind <> 'script' ORDER BY kind",
      [PROJECT],
    );
    expect(rows.map((r) => [r.name, r.kind, r.state])).toEqual([
      [beats, "beats", null],
      [notes, "notes", null],
      [project, "project", null],
    ]);
    const token = await server.services.tokens.issue(USER);
    for (const name of [beats, notes, project]) {
      // No state and no log: loads as an empty document.
      const client = connect(server.url, name, token, new Y.Doc());
      clients.push(client);
      expect(await client.ready).toEqual({ synced: true });
      client.doc.getMap("probe").set("written", true);
      await waitForAcknowledged(client);
      expect((await server.services.readDocument(name))!.getMap("probe").get("written")).toBe(true);
    }
  });
});
