import type { ClipFormat, MemberInfo, ProjectInfo, RenderProviderId, RenderResolution, Role } from "@aiuteur/shared";
import { CLIP_FORMATS, DEFAULT_RENDER_RESOLUTION, formatDocumentName, isRole, newId, RENDER_PROVIDERS, RENDER_RESOLUTIONS } from "@aiuteur/shared";
import { queryOne, type Database } from "../db/database.js";

interface ProjectRow {
  [key: string]: unknown;
  id: string;
  title: string;
  role: string;
}

interface MemberRow {
  [key: string]: unknown;
  user_id: string;
  email: string;
  display_name: string;
  role: string;
}

/** A role column holding anything unknown reads as the weakest role rather than crashing a request. */
const asRole = (value: string): Role => (isRole(value) ? value : "viewer");

/** How a project's shots are rendered (issue 5): set by owners and directors, read by the render worker. */
export interface RenderSettings {
  renderResolution: RenderResolution;
  renderProvider: RenderProviderId;
  renderFormat: ClipFormat;
}

interface RenderSettingsRow {
  [key: string]: unknown;
  render_resolution: string;
  render_provider: string;
  render_format: string;
}

function renderSettings(row: RenderSettingsRow): RenderSettings {
  return {
    renderResolution: row.render_resolution in RENDER_RESOLUTIONS ? (row.render_resolution as RenderResolution) : DEFAULT_RENDER_RESOLUTION,
    renderProvider: (RENDER_PROVIDERS as readonly string[]).includes(row.render_provider) ? (row.render_provider as RenderProviderId) : "builtin",
    renderFormat: (CLIP_FORMATS as readonly string[]).includes(row.render_format) ? (row.render_format as ClipFormat) : "mp4",
  };
}

export class ProjectStore {
  constructor(private readonly db: Database) {}

  async create(title: string, ownerId: string): Promise<ProjectInfo> {
    const id = newId();
    const now = Date.now();
    await this.db.transaction(async (tx) => {
      await tx.execute("INSERT INTO projects (id, title, created_by, created_at) VALUES ($1, $2, $3, $4)", [
        id,
        title,
        ownerId,
        now,
      ]);
      await tx.execute("INSERT INTO memberships (project_id, user_id, role, created_at) VALUES ($1, $2, 'owner', $3)", [
        id,
        ownerId,
        now,
      ]);
      // The project document (the characters/locations/props registry) starts empty: a NULL state.
      await tx.execute(
        `INSERT INTO documents (name, project_id, kind, state, state_version, created_at, updated_at)
         VALUES ($1, $2, 'project', NULL, 0, $3, $3)`,
        [formatDocumentName({ kind: "project", projectId: id }), id, now],
      );
    });
    return { id, title, role: "owner" };
  }

  async listFor(userId: string): Promise<ProjectInfo[]> {
    const rows = await this.db.query<ProjectRow>(
      `SELECT p.id, p.title, m.role FROM projects p JOIN memberships m ON m.project_id = p.id
       WHERE m.user_id = $1 ORDER BY p.created_at, p.id`,
      [userId],
    );
    return rows.map((row) => ({ id: row.id, title: row.title, role: asRole(row.role) }));
  }

  async getFor(projectId: string, userId: string): Promise<ProjectInfo | undefined> {
    const row = await queryOne<ProjectRow>(
      this.db,
      `SELECT p.id, p.title, m.role FROM projects p JOIN memberships m ON m.project_id = p.id
       WHERE p.id = $1 AND m.user_id = $2`,
      [projectId, userId],
    );
    return row && { id: row.id, title: row.title, role: asRole(row.role) };
  }

  /** The project's render settings, or undefined when there is no such project. */
  async renderSettings(projectId: string): Promise<RenderSettings | undefined> {
    const row = await queryOne<RenderSettingsRow>(
      this.db,
      "SELECT render_resolution, render_provider, render_format FROM projects WHERE id = $1",
      [projectId],
    );
    return row && renderSettings(row);
  }

  async setRenderSettings(projectId: string, patch: Partial<RenderSettings>): Promise<void> {
    if (patch.renderResolution) {
      await this.db.execute("UPDATE projects SET render_resolution = $1 WHERE id = $2", [patch.renderResolution, projectId]);
    }
    if (patch.renderProvider) {
      await this.db.execute("UPDATE projects SET render_provider = $1 WHERE id = $2", [patch.renderProvider, projectId]);
    }
    if (patch.renderFormat) {
      await this.db.execute("UPDATE projects SET render_format = $1 WHERE id = $2", [patch.renderFormat, projectId]);
    }
  }

  /** Every project id, for the reconciler's start-up pass. */
  async allIds(): Promise<string[]> {
    const rows = await this.db.query<{ id: string }>("SELECT id FROM projects ORDER BY created_at, id");
    return rows.map((row) => row.id);
  }

  /** The caller's role in the project, or null when they are not a member (or it doesn't exist). */
  async roleOf(projectId: string, userId: string): Promise<Role | null> {
    const row = await queryOne<{ role: string }>(
      this.db,
      "SELECT role FROM memberships WHERE project_id = $1 AND user_id = $2",
      [projectId, userId],
    );
    return row ? asRole(row.role) : null;
  }

  async members(projectId: string): Promise<MemberInfo[]> {
    const rows = await this.db.query<MemberRow>(
      `SELECT m.user_id, u.email, u.display_name, m.role FROM memberships m JOIN users u ON u.id = m.user_id
       WHERE m.project_id = $1 ORDER BY m.created_at, u.email`,
      [projectId],
    );
    return rows.map((row) => ({
      user: { id: row.user_id, email: row.email, displayName: row.display_name },
      role: asRole(row.role),
    }));
  }

  /** Adds a member; false when they already are one. */
  async addMember(projectId: string, userId: string, role: Role): Promise<boolean> {
    const changed = await this.db.execute(
      `INSERT INTO memberships (project_id, user_id, role, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (project_id, user_id) DO NOTHING`,
      [projectId, userId, role, Date.now()],
    );
    return changed > 0;
  }

  async setRole(projectId: string, userId: string, role: Role): Promise<boolean> {
    const changed = await this.db.execute("UPDATE memberships SET role = $1 WHERE project_id = $2 AND user_id = $3", [
      role,
      projectId,
      userId,
    ]);
    return changed > 0;
  }

  async removeMember(projectId: string, userId: string): Promise<boolean> {
    const changed = await this.db.execute("DELETE FROM memberships WHERE project_id = $1 AND user_id = $2", [
      projectId,
      userId,
    ]);
    return changed > 0;
  }

  async countOwners(projectId: string): Promise<number> {
    const row = await queryOne<{ n: number }>(
      this.db,
      "SELECT COUNT(*) AS n FROM memberships WHERE project_id = $1 AND role = 'owner'",
      [projectId],
    );
    return Number(row?.n ?? 0);
  }
}
