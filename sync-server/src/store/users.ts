import type { UserInfo } from "@aiuteur/shared";
import { newId } from "@aiuteur/shared";
import { queryOne, type Database } from "../db/database.js";

interface UserRow {
  [key: string]: unknown;
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
}

export interface StoredUser extends UserInfo {
  passwordHash: string;
}

const toUser = (row: UserRow): StoredUser => ({
  id: row.id,
  email: row.email,
  displayName: row.display_name,
  passwordHash: row.password_hash,
});

export class UserStore {
  constructor(private readonly db: Database) {}

  /** Creates the account; returns null when the email is already registered. */
  async create(email: string, displayName: string, passwordHash: string): Promise<StoredUser | null> {
    const id = newId();
    const rows = await this.db.query<UserRow>(
      `INSERT INTO users (id, email, display_name, password_hash, created_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (email) DO NOTHING RETURNING id, email, display_name, password_hash`,
      [id, email, displayName, passwordHash, Date.now()],
    );
    return rows[0] ? toUser(rows[0]) : null;
  }

  async byEmail(email: string): Promise<StoredUser | undefined> {
    const row = await queryOne<UserRow>(this.db, "SELECT * FROM users WHERE email = $1", [email]);
    return row && toUser(row);
  }

  async byId(id: string): Promise<StoredUser | undefined> {
    const row = await queryOne<UserRow>(this.db, "SELECT * FROM users WHERE id = $1", [id]);
    return row && toUser(row);
  }
}

export function publicUser(user: StoredUser): UserInfo {
  return { id: user.id, email: user.email, displayName: user.displayName };
}
