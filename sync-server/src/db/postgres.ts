/** PostgreSQL adapter (pg Pool), used when DATABASE_URL is set: the scale-out deployment. */
import pg from "pg";
import type { Database, Queryable, Row, SqlValue } from "./database.js";

// BIGINT (int8) columns hold millisecond timestamps and log ids, all well below 2^53: read them as numbers.
const INT8_OID = 20;
const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === INT8_OID && format !== "binary") return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
};

function asParams(params: readonly SqlValue[]): unknown[] {
  return params.map((value) => (value instanceof Uint8Array && !Buffer.isBuffer(value) ? Buffer.from(value) : value));
}

function queryable(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<T extends Row>(sql: string, params: readonly SqlValue[] = []) {
      const result = await client.query(sql, asParams(params));
      return result.rows as T[];
    },
    async execute(sql: string, params: readonly SqlValue[] = []) {
      const result = await client.query(sql, asParams(params));
      return result.rowCount ?? 0;
    },
  };
}

export class PostgresDatabase implements Database {
  readonly dialect = "postgres" as const;
  private readonly pool: pg.Pool;
  private readonly direct: Queryable;

  constructor(
    connectionString: string,
    private readonly onError: (error: Error) => void,
  ) {
    this.pool = new pg.Pool({ connectionString, types, max: 10, connectionTimeoutMillis: 5000 });
    // An idle client losing its connection must not crash the process; the next query reconnects.
    this.pool.on("error", onError);
    this.direct = queryable(this.pool);
  }

  query<T extends Row = Row>(sql: string, params?: readonly SqlValue[]): Promise<T[]> {
    return this.direct.query<T>(sql, params);
  }

  execute(sql: string, params?: readonly SqlValue[]): Promise<number> {
    return this.direct.execute(sql, params);
  }

  async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    // The pool only listens for errors on idle clients. A checked-out client whose connection drops between
    // two statements (database restarted) emits 'error' with no listener, which would kill the process.
    let broken: Error | undefined;
    const onConnectionError = (error: Error) => {
      broken ??= error;
      this.onError(error);
    };
    client.on("error", onConnectionError);
    try {
      await client.query("BEGIN");
      const result = await work(queryable(client));
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch((rollbackError: Error) => (broken ??= rollbackError));
      throw error;
    } finally {
      client.off("error", onConnectionError);
      // Releasing with an error makes the pool discard the dead connection instead of reusing it.
      client.release(broken);
    }
  }

  async executeScript(sql: string): Promise<void> {
    await this.pool.query(sql);
  }

  async ping(): Promise<void> {
    await this.pool.query("SELECT 1");
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
