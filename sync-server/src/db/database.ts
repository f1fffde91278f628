/**
 * One query layer over SQLite (better-sqlite3, the embedded default) and PostgreSQL (pg, when
 * DATABASE_URL is set). Queries are written once, in PostgreSQL's `$1` placeholder style; the SQLite
 * adapter rewrites placeholders. Integers come back as numbers and binary columns as Buffers in both.
 */
export type Dialect = "sqlite" | "postgres";
export type SqlValue = string | number | null | Uint8Array;
export type Row = Record<string, unknown>;

export interface Queryable {
  /** Runs a statement and returns its rows (empty for statements without RETURNING). */
  query<T extends Row = Row>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** Runs a statement and returns the number of rows it changed. */
  execute(sql: string, params?: readonly SqlValue[]): Promise<number>;
}

export interface Database extends Queryable {
  readonly dialect: Dialect;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs SQL that may hold several statements (migrations only). */
  executeScript(sql: string): Promise<void>;
  /** Cheap round trip, for the readiness probe. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export async function queryOne<T extends Row>(
  db: Queryable,
  sql: string,
  params?: readonly SqlValue[],
): Promise<T | undefined> {
  const rows = await db.query<T>(sql, params);
  return rows[0];
}
