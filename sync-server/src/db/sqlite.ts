/**
 * SQLite adapter. better-sqlite3 is synchronous, which is what makes an update-log append durable before
 * the acknowledgement on the same tick. Work is serialised through one queue so a transaction whose
 * callback awaits can never interleave with statements from other requests on the single connection.
 */
import BetterSqlite3 from "better-sqlite3";
import type { Database, Queryable, Row, SqlValue } from "./database.js";

/** `$1 … $n` → `?` in order of appearance (a placeholder may repeat). */
function rewrite(sql: string, params: readonly SqlValue[]): { sql: string; params: SqlValue[] } {
  const ordered: SqlValue[] = [];
  const text = sql.replace(/\$(\d+)/g, (_match, index: string) => {
    const value = params[Number(index) - 1];
    if (value === undefined) throw new Error(`Missing SQL parameter $${index}`);
    ordered.push(value);
    return "?";
  });
  return { sql: text, params: ordered };
}

function bind(value: SqlValue): unknown {
  return value instanceof Uint8Array && !Buffer.isBuffer(value) ? Buffer.from(value) : value;
}

export class SqliteDatabase implements Database {
  readonly dialect = "sqlite" as const;
  private readonly db: BetterSqlite3.Database;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly direct: Queryable;

  constructor(file: string) {
    this.db = new BetterSqlite3(file);
    // WAL + synchronous=FULL: a committed append survives kill -9 and power loss, readers don't block.
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = FULL");
    this.db.pragma("foreign_keys = ON");
    this.db.pragma("busy_timeout = 5000");
    this.direct = {
      query: async <T extends Row>(sql: string, params: readonly SqlValue[] = []) => this.runQuery<T>(sql, params),
      execute: async (sql: string, params: readonly SqlValue[] = []) => this.runExecute(sql, params),
    };
  }

  private runQuery<T extends Row>(sql: string, params: readonly SqlValue[]): T[] {
    const r = rewrite(sql, params);
    const statement = this.db.prepare(r.sql);
    if (!statement.reader) {
      statement.run(...r.params.map(bind));
      return [];
    }
    return statement.all(...r.params.map(bind)) as T[];
  }

  private runExecute(sql: string, params: readonly SqlValue[]): number {
    const r = rewrite(sql, params);
    return this.db.prepare(r.sql).run(...r.params.map(bind)).changes;
  }

  private enqueue<T>(work: () => Promise<T> | T): Promise<T> {
    const result = this.queue.then(work, work);
    this.queue = result.catch(() => undefined);
    return result;
  }

  query<T extends Row = Row>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return this.enqueue(() => this.runQuery<T>(sql, params));
  }

  execute(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    return this.enqueue(() => this.runExecute(sql, params));
  }

  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.enqueue(async () => {
      this.db.exec("BEGIN IMMEDIATE");
      try {
        const result = await work(this.direct);
        this.db.exec("COMMIT");
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec("ROLLBACK");
        throw error;
      }
    });
  }

  executeScript(sql: string): Promise<void> {
    return this.enqueue(() => {
      this.db.exec(sql);
    });
  }

  ping(): Promise<void> {
    return this.enqueue(() => {
      this.db.prepare("SELECT 1").get();
    });
  }

  close(): Promise<void> {
    return this.enqueue(() => {
      this.db.close();
    });
  }
}
