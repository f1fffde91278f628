import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Database } from "./database.js";
import { migrate } from "./migrations.js";

export interface StorageConfig {
  databaseUrl: string | null;
  dataDir: string;
}

/**
 * Opens PostgreSQL when a URL is given, else the SQLite file in the data folder; then migrates. Only the
 * driver in use is loaded, so a server keeps the other one out of its memory.
 */
export async function openDatabase(config: StorageConfig, onError: (error: Error) => void): Promise<Database> {
  let db: Database;
  if (config.databaseUrl) {
    const { PostgresDatabase } = await import("./postgres.js");
    db = new PostgresDatabase(config.databaseUrl, onError);
  } else {
    mkdirSync(config.dataDir, { recursive: true });
    const { SqliteDatabase } = await import("./sqlite.js");
    db = new SqliteDatabase(join(config.dataDir, "aiuteur.sqlite"));
  }
  try {
    await migrate(db);
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
  return db;
}
