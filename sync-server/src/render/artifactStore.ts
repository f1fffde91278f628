/**
 * Where render artifacts (clips, posters, thumbnails, animatics, exports) are kept. Files are per project,
 * named by artifact key (shared/src/render/artifacts.ts), so a key alone never reaches another project's
 * files and equal content within a project shares one file.
 *
 * This is the seam for object storage: an S3 implementation would map put to a multipart upload (an object
 * appears only when complete, like the rename here), head to HeadObject, get with a range to GetObject with
 * `Range: bytes=a-b`, and delete to DeleteObject. Only the local folder implementation exists today.
 */
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { Transform } from "node:stream";
import { randomUUID } from "node:crypto";
import { isArtifactKey } from "@aiuteur/shared";

export interface ArtifactHead {
  size: number;
  modifiedAt: number;
}

/** Inclusive byte range, as in an HTTP Range header. */
export interface ByteRange {
  start: number;
  end: number;
}

export class ArtifactTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`The artifact is larger than ${limit} bytes`);
    this.name = "ArtifactTooLargeError";
  }
}

export interface ArtifactStore {
  /** Stores the stream's bytes under the key; readers see nothing until the whole file is there. */
  put(projectId: string, key: string, source: Readable, maxBytes: number): Promise<ArtifactHead>;
  head(projectId: string, key: string): Promise<ArtifactHead | null>;
  /** The bytes (of `range` when given), or null when there is no such artifact. */
  get(projectId: string, key: string, range?: ByteRange): Promise<Readable | null>;
  delete?(projectId: string, key: string): Promise<void>;
}

/** Counts bytes on the way through and fails the pipeline past the limit, so an oversized upload stops early. */
function limitBytes(maxBytes: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > maxBytes) done(new ArtifactTooLargeError(maxBytes));
      else done(null, chunk);
    },
  });
}

export class LocalArtifactStore implements ArtifactStore {
  constructor(private readonly root: string) {}

  private path(projectId: string, key: string): string {
    // Routes check keys; checked again here because a path built from a bad key could leave the folder.
    if (!isArtifactKey(key) || !/^[A-Za-z0-9_-]{1,64}$/.test(projectId)) throw new Error(`Not an artifact key: ${key}`);
    return join(this.root, projectId, key);
  }

  async put(projectId: string, key: string, source: Readable, maxBytes: number): Promise<ArtifactHead> {
    const target = this.path(projectId, key);
    await mkdir(dirname(target), { recursive: true });
    // A temporary name in the same folder: the rename is atomic, so a killed upload leaves only a
    // dot-file no key can name, and a finished one appears whole.
    const temporary = join(dirname(target), `.upload-${randomUUID()}`);
    try {
      await pipeline(source, limitBytes(maxBytes), createWriteStream(temporary, { flags: "wx" }));
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    const head = await this.head(projectId, key);
    if (!head) throw new Error(`The artifact ${key} vanished as it was stored`);
    return head;
  }

  async head(projectId: string, key: string): Promise<ArtifactHead | null> {
    try {
      const info = await stat(this.path(projectId, key));
      return info.isFile() ? { size: info.size, modifiedAt: info.mtimeMs } : null;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async get(projectId: string, key: string, range?: ByteRange): Promise<Readable | null> {
    if (!(await this.head(projectId, key))) return null;
    return createReadStream(this.path(projectId, key), range ? { start: range.start, end: range.end } : {});
  }

  async delete(projectId: string, key: string): Promise<void> {
    await rm(this.path(projectId, key), { force: true });
  }
}
