/**
 * Named, append-only schema migrations for both dialects. Never edit a published migration: add one.
 * Where the dialects differ a migration gives both texts; otherwise one text serves both.
 */
import type { Database, Dialect } from "./database.js";

interface Migration {
  name: string;
  sql: string | Record<Dialect, string>;
}

const BLOB: Record<Dialect, string> = { sqlite: "BLOB", postgres: "BYTEA" };
const SERIAL_PK: Record<Dialect, string> = {
  sqlite: "INTEGER PRIMARY KEY AUTOINCREMENT",
  postgres: "BIGSERIAL PRIMARY KEY",
};

function both(build: (d: Dialect) => string): Record<Dialect, string> {
  return { sqlite: build("sqlite"), postgres: build("postgres") };
}

export const MIGRATIONS: readonly Migration[] = [
  {
    name: "0001-accounts-projects",
    sql: `
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        email TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        created_at BIGINT NOT NULL
      );
      CREATE TABLE projects (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES users(id),
        created_at BIGINT NOT NULL
      );
      CREATE TABLE memberships (
        project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        role TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        PRIMARY KEY (project_id, user_id)
      );
      CREATE INDEX memberships_by_user ON memberships (user_id);
      CREATE TABLE episodes (
        id TEXT PRIMARY KEY,
        project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        title TEXT NOT NULL,
        position INTEGER NOT NULL,
        created_by TEXT NOT NULL REFERENCES users(id),
        created_at BIGINT NOT NULL
      );
      CREATE INDEX episodes_by_project ON episodes (project_id, position);
    `,
  },
  {
    name: "0002-documents-and-update-log",
    sql: both(
      (d) => `
      CREATE TABLE documents (
        name TEXT PRIMARY KEY,
        project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        state ${BLOB[d]},
        state_version BIGINT NOT NULL DEFAULT 0,
        created_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL
      );
      CREATE INDEX documents_by_project ON documents (project_id);
      CREATE TABLE document_updates (
        id ${SERIAL_PK[d]},
        document_name TEXT NOT NULL,
        data ${BLOB[d]} NOT NULL,
        created_at BIGINT NOT NULL
      );
      CREATE INDEX document_updates_by_document ON document_updates (document_name, id);
    `,
    ),
  },
  {
    // Storyboards are keyed by scene and remembered here so a scene's shots stay findable after its
    // heading is deleted from the script (an orphaned scene). Assets are uploaded reference images.
    // Episodes created before issue 3 get their beats and script-notes documents (empty: NULL state).
    name: "0003-storyboards-shots-assets",
    sql: both(
      (d) => `
      CREATE TABLE storyboards (
        project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        scene_id TEXT NOT NULL,
        episode_id TEXT NOT NULL REFERENCES episodes(id) ON DELETE CASCADE,
        created_at BIGINT NOT NULL,
        PRIMARY KEY (project_id, scene_id)
      );
      CREATE INDEX storyboards_by_episode ON storyboards (episode_id);
      CREATE TABLE shots (
        id TEXT PRIMARY KEY,
        project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        episode_id TEXT NOT NULL REFERENCES episodes(id) ON DELETE CASCADE,
        scene_id TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES users(id),
        created_at BIGINT NOT NULL
      );
      CREATE INDEX shots_by_episode ON shots (episode_id, created_at);
      CREATE TABLE assets (
        id TEXT PRIMARY KEY,
        project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        content_type TEXT NOT NULL,
        bytes BIGINT NOT NULL,
        data ${BLOB[d]} NOT NULL,
        created_by TEXT NOT NULL REFERENCES users(id),
        created_at BIGINT NOT NULL
      );
      CREATE INDEX assets_by_project ON assets (project_id);
      INSERT INTO documents (name, project_id, kind, state, state_version, created_at, updated_at)
        SELECT 'p/' || project_id || '/b/main/beats/' || id, project_id, 'beats', NULL, 0, created_at, created_at
        FROM episodes WHERE true
        ON CONFLICT (name) DO NOTHING;
      INSERT INTO documents (name, project_id, kind, state, state_version, created_at, updated_at)
        SELECT 'p/' || project_id || '/b/main/notes/script/' || id, project_id, 'notes', NULL, 0, created_at, created_at
        FROM episodes WHERE true
        ON CONFLICT (name) DO NOTHING
    `,
    ),
  },
  {
    // Projects created before the registry existed get their (empty) project document.
    name: "0004-project-documents",
    sql: `
      INSERT INTO documents (name, project_id, kind, state, state_version, created_at, updated_at)
        SELECT 'p/' || id || '/project', id, 'project', NULL, 0, created_at, created_at
        FROM projects WHERE true
        ON CONFLICT (name) DO NOTHING
    `,
  },
  {
    // Issue 4. Locks are rows (the authority; documents only mirror them), keyed by document name, so they
    // are per branch. Every lock change is an event. A script lock records each scene's text hash so that
    // later edits to an unlocked script can invalidate the locked shots of the scenes that changed.
    // Versions are full document states. Branches are namespaces of documents; a deleted branch keeps its
    // versions until expires_at.
    name: "0005-locks-versions-branches",
    sql: both(
      (d) => `
      CREATE TABLE locks (
        document_name TEXT PRIMARY KEY,
        project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        branch_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        status TEXT NOT NULL,
        locked_by TEXT NOT NULL REFERENCES users(id),
        locked_at BIGINT NOT NULL,
        reason TEXT
      );
      CREATE INDEX locks_by_project ON locks (project_id, branch_id);
      CREATE TABLE lock_events (
        id ${SERIAL_PK[d]},
        project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        document_name TEXT NOT NULL,
        action TEXT NOT NULL,
        user_id TEXT REFERENCES users(id),
        reason TEXT,
        created_at BIGINT NOT NULL
      );
      CREATE INDEX lock_events_by_document ON lock_events (document_name, id);
      CREATE TABLE scene_baselines (
        script_document TEXT NOT NULL,
        scene_id TEXT NOT NULL,
        text_hash TEXT NOT NULL,
        PRIMARY KEY (script_document, scene_id)
      );
      CREATE TABLE versions (
        id TEXT PRIMARY KEY,
        project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        document_name TEXT NOT NULL,
        kind TEXT NOT NULL,
        label TEXT NOT NULL,
        author_id TEXT REFERENCES users(id),
        state ${BLOB[d]} NOT NULL,
        created_at BIGINT NOT NULL,
        expires_at BIGINT
      );
      CREATE INDEX versions_by_document ON versions (document_name, created_at);
      CREATE TABLE branches (
        id TEXT PRIMARY KEY,
        project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        parent_id TEXT NOT NULL,
        from_version TEXT,
        created_by TEXT NOT NULL REFERENCES users(id),
        created_at BIGINT NOT NULL,
        deleted_at BIGINT
      );
      CREATE INDEX branches_by_project ON branches (project_id)
    `,
    ),
  },
  {
    // Renders (issue 5): one row per shot and content hash, so a re-locked shot with the same content reuses
    // its finished render; one animatic per episode and branch; and each project's render settings.
    name: "0006-renders",
    sql: `
      CREATE TABLE renders (
        project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        branch_id TEXT NOT NULL,
        shot_id TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        status TEXT NOT NULL,
        progress INTEGER NOT NULL DEFAULT 0,
        error TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        artifacts TEXT NOT NULL DEFAULT '{}',
        provider TEXT,
        prompt TEXT,
        created_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL,
        PRIMARY KEY (project_id, branch_id, shot_id, content_hash)
      );
      CREATE INDEX renders_by_status ON renders (project_id, status, branch_id);
      CREATE TABLE animatics (
        project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        branch_id TEXT NOT NULL,
        episode_id TEXT NOT NULL,
        status TEXT NOT NULL,
        progress INTEGER NOT NULL DEFAULT 0,
        error TEXT,
        options TEXT NOT NULL DEFAULT '{}',
        timeline TEXT NOT NULL DEFAULT '[]',
        artifacts TEXT NOT NULL DEFAULT '{}',
        updated_at BIGINT NOT NULL,
        PRIMARY KEY (project_id, branch_id, episode_id)
      );
      ALTER TABLE projects ADD COLUMN render_resolution TEXT NOT NULL DEFAULT '720p';
      ALTER TABLE projects ADD COLUMN render_provider TEXT NOT NULL DEFAULT 'builtin'
    `,
  },
  {
    // Shot clips as MP4 (default) or WebM.
    name: "0007-render-format",
    sql: `ALTER TABLE projects ADD COLUMN render_format TEXT NOT NULL DEFAULT 'mp4'`,
  },
];

/** Applies the migrations this database has not seen, each in its own transaction, in order. */
export async function migrate(db: Database): Promise<string[]> {
  await db.executeScript(
    "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)",
  );
  const applied: string[] = [];
  for (const migration of MIGRATIONS) {
    const ran = await db.transaction(async (tx) => {
      // Several sync-server instances may start together against one PostgreSQL: serialise them.
      if (db.dialect === "postgres") await tx.query("SELECT pg_advisory_xact_lock(7355608)");
      const done = await tx.query("SELECT name FROM schema_migrations WHERE name = $1", [migration.name]);
      if (done.length > 0) return false;
      const sql = typeof migration.sql === "string" ? migration.sql : migration.sql[db.dialect];
      for (const statement of sql.split(";").map((s) => s.trim()).filter(Boolean)) {
        await tx.execute(statement);
      }
      await tx.execute("INSERT INTO schema_migrations (name, applied_at) VALUES ($1, $2)", [migration.name, Date.now()]);
      return true;
    });
    if (ran) applied.push(migration.name);
  }
  return applied;
}
