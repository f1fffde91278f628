/** Uploaded reference images, stored in the database beside the documents that point at them. */
import type { AssetInfo } from "@aiuteur/shared";
import { queryOne, type Database } from "../db/database.js";

export interface StoredAsset extends AssetInfo {
  data: Uint8Array;
}

interface AssetRow {
  [key: string]: unknown;
  id: string;
  content_type: string;
  bytes: number;
  data: Uint8Array;
}

export class AssetStore {
  constructor(private readonly db: Database) {}

  async insert(asset: { id: string; projectId: string; contentType: string; data: Uint8Array; createdBy: string }): Promise<AssetInfo> {
    await this.db.execute(
      `INSERT INTO assets (id, project_id, content_type, bytes, data, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [asset.id, asset.projectId, asset.contentType, asset.data.byteLength, asset.data, asset.createdBy, Date.now()],
    );
    return { id: asset.id, contentType: asset.contentType, bytes: asset.data.byteLength };
  }

  /** The asset when it belongs to this project; another project's id reads as missing. */
  async get(projectId: string, assetId: string): Promise<StoredAsset | undefined> {
    const row = await queryOne<AssetRow>(
      this.db,
      "SELECT id, content_type, bytes, data FROM assets WHERE project_id = $1 AND id = $2",
      [projectId, assetId],
    );
    return row && { id: row.id, contentType: row.content_type, bytes: Number(row.bytes), data: new Uint8Array(row.data) };
  }
}
