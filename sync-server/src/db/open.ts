import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Database } from "./database.js";
import { migrate } from "./migrations.js";
import { PostgresDatabase } from "./postgres.js";
import { SqliteDatabase } from "./sqlite.js";

export interface StorageConfig {
  databaseUrl: string | null;
  dataDir: string;
}

/** Opens PostgreSQL when a URL is given, else the SQLite file in the data folder; then migrates. */
export async function openDatabase(config: StorageConfig, onError: (error: Error) => void): Promise<Database> {
  let db: Database;
  if (config.databaseUrl) {
    db = new PostgresDatabase(config.databaseUrl, onError);
  } else {
    mkdirSync(config.dataDir, { recursive: true });
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
