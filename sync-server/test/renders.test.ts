/**
 * The producer side of rendering, on both storage dialects: the reconciler turns locked shots into render
 * rows and queued jobs (and re-queues lost ones, and reuses finished ones), and the render routes answer
 * with the documented shapes. The queue records jobs instead of running them: the worker itself is tested
 * in render-pipeline.test.ts.
 */
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderJobId, shotArtifactKey, type ShotRenderJob } from "@aiuteur/shared";
import { migrate } from "../src/db/migrations.js";
import { ApiClient } from "./helpers/api.js";
import { eventually } from "./helpers/locks.js";
import { lockedShot, RecordingQueue, serviceToken } from "./helpers/render.js";
import { startTestServer, type TestServer } from "./helpers/server.js";
import { DIALECTS } from "./helpers/storage.js";
import { KITCHEN_AND_STREET } from "./helpers/stories.js";
import { createTeam, type Team } from "./helpers/team.js";

for (const dialect of DIALECTS) {
  describe(`renders (${dialect})`, () => {
    const queue = new RecordingQueue();
    let server: TestServer;
    let team: Team;
    let service: ApiClient;

    beforeAll(async () => {
      server = await startTestServer(dialect, { renderQueue: queue });
      team = await createTeam(server, KITCHEN_AND_STREET);
      service = new ApiClient(server.url, await serviceToken());
    });
    afterAll(async () => {
      team.close();
      await server.stop();
    });

    const shotJobs = (shotId: string) => queue.added.filter((job): job is ShotRenderJob => job.type === "shot" && job.shotId === shotId);

    it("migrates: the render tables and the project settings exist, and migrating again changes nothing", async () => {
      expect(await migrate(server.services.db)).toEqual([]);
      const settings = await team.as.viewer.request("GET", `/api/projects/${team.project.id}`);
      expect(settings.body).toMatchObject({ id: team.project.id, renderResolution: "720p", renderProvider: "builtin" });
      expect(await server.services.db.query("SELECT * FROM renders")).toEqual([]);
      expect(await server.services.db.query("SELECT * FROM animatics")).toEqual([]);
    });

    it("queues one job for a newly locked shot and lists it as queued", async () => {
      const projectId = team.project.id;
      const shot = await lockedShot(server.url, team);
      await eventually(async () => shotJobs(shot.id).length === 1, "the reconciler to queue the shot");
      const [job] = shotJobs(shot.id);
      expect(job).toEqual({ type: "shot", projectId, branchId: "main", shotId: shot.id, contentHash: expect.stringMatching(/^[0-9a-f]{32}$/) });

      const renders = await team.as.viewer.request("GET", `/api/projects/${projectId}/shots/${shot.id}/renders`);
      expect(renders).toEqual({
        status: 200,
        body: [
          {
            contentHash: job!.contentHash,
            status: "queued",
            progress: 0,
            artifacts: {},
            attempts: 0,
            createdAt: expect.any(String),
            updatedAt: expect.any(String),
            stale: false,
          },
        ],
      });

      const context = await service.request("GET", `/api/projects/${projectId}/shots/${shot.id}/render-context?branch=main`);
      expect(context.status).toBe(200);
      expect(context.body).toMatchObject({
        projectId,
        branchId: "main",
        shotId: shot.id,
        episodeId: team.episode.id,
        sceneNumber: "1",
        sceneHeading: "INT. KITCHEN - NIGHT",
        resolution: "720p",
        format: "mp4",
        provider: "builtin",
        providerConfigured: true,
        referenceImage: null,
        contentHash: job!.contentHash,
      });
      expect(context.body.prompt).toContain("MARA pours coffee.");
      // Members see the prompt too; strangers see nothing.
      expect((await team.as.viewer.request("GET", `/api/projects/${projectId}/shots/${shot.id}/render-context`)).status).toBe(200);
      expect((await team.stranger.request("GET", `/api/projects/${projectId}/shots/${shot.id}/render-context`)).status).toBe(404);

      // Reconciling again while the job waits adds nothing.
      await server.services.reconciler.reconcile(projectId);
      expect(shotJobs(shot.id)).toHaveLength(1);
    });

    it("re-creates a job lost from the queue, and reuses a finished render whose files are there", async () => {
      const projectId = team.project.id;
      const shot = await lockedShot(server.url, team, { action: "JONAS jumps." });
      await eventually(async () => shotJobs(shot.id).length === 1, "the reconciler to queue the shot");
      const hash = shotJobs(shot.id)[0]!.contentHash;

      queue.lose();
      await server.services.reconciler.reconcile(projectId);
      expect(shotJobs(shot.id)).toHaveLength(2);
      expect(await queue.has(renderJobId(shotJobs(shot.id)[1]!))).toBe(true);

      // Finished: the clip is uploaded and the row says done.
      const key = shotArtifactKey(hash, "mp4");
      await server.services.artifacts.put(projectId, key, Readable.from([Buffer.from("not really a clip")]), 1024);
      await server.services.renders.update(projectId, "main", shot.id, hash, { status: "done", progress: 100, artifacts: { mp4: key } });
      queue.lose();
      await server.services.reconciler.reconcile(projectId);
      expect(shotJobs(shot.id)).toHaveLength(2);

      const renders = await team.as.viewer.request("GET", `/api/projects/${projectId}/shots/${shot.id}/renders`);
      expect(renders.body[0]).toMatchObject({ contentHash: hash, status: "done", progress: 100, artifacts: { mp4: `/api/projects/${projectId}/artifacts/${key}` } });

      // The files gone (a wiped artifact folder): rendered again.
      await server.services.artifacts.delete!(projectId, key);
      await server.services.reconciler.reconcile(projectId);
      expect(shotJobs(shot.id)).toHaveLength(3);
    });

    it("lists failed renders and lets those who edit shots retry them", async () => {
      const projectId = team.project.id;
      const shot = await lockedShot(server.url, team, { action: "The kettle screams." });
      await eventually(async () => shotJobs(shot.id).length === 1, "the reconciler to queue the shot");
      const hash = shotJobs(shot.id)[0]!.contentHash;
      await server.services.renders.update(projectId, "main", shot.id, hash, { status: "failed", progress: 40, error: "The provider answered 500", attempts: 3 });

      const failed = await team.as.viewer.request("GET", `/api/projects/${projectId}/renders/failed`);
      expect(failed.status).toBe(200);
      expect(failed.body).toContainEqual({
        projectId,
        branchId: "main",
        shotId: shot.id,
        episodeId: team.episode.id,
        sceneNumber: "1",
        shotNumber: expect.any(String),
        contentHash: hash,
        error: "The provider answered 500",
        attempts: 3,
        updatedAt: expect.any(String),
      });

      const path = `/api/projects/${projectId}/shots/${shot.id}/renders/retry`;
      expect((await team.as.viewer.request("POST", path)).status).toBe(403);
      expect((await team.as.writer.request("POST", path)).status).toBe(403);
      queue.lose();
      expect(await team.as.artist.request("POST", path)).toEqual({ status: 202, body: { status: "queued", contentHash: hash } });
      expect(shotJobs(shot.id)).toHaveLength(2);
      const [row] = (await team.as.viewer.request("GET", `/api/projects/${projectId}/shots/${shot.id}/renders`)).body;
      expect(row).toMatchObject({ contentHash: hash, status: "queued", attempts: 0, progress: 0 });
      expect(row.error).toBeUndefined();
      // Nothing failed any more: nothing to retry.
      expect((await team.as.artist.request("POST", path)).status).toBe(409);
    });

    it("queues an animatic only once a locked shot has a finished render, and answers its state", async () => {
      const projectId = team.project.id;
      const { episode } = await (async () => ({ episode: await team.as.owner.createEpisode(projectId, "Second", KITCHEN_AND_STREET) }))();
      const path = `/api/projects/${projectId}/episodes/${episode.id}/animatic`;
      expect(await team.as.viewer.request("GET", path)).toEqual({
        status: 200,
        body: { status: null, progress: 0, artifacts: {}, timeline: [], updatedAt: null },
      });
      const refused = await team.as.director.request("POST", path, { transition: "dissolve" });
      expect(refused.status).toBe(409);
      expect(refused.body.error.message).toMatch(/finished render/);
      expect((await team.as.director.request("POST", path, { transition: "wipe" })).status).toBe(400);

      // A finished render of a shot of the first episode: its animatic can be made, with that shot in its plan.
      const shot = await lockedShot(server.url, team, { action: "MARA drinks." });
      await eventually(async () => shotJobs(shot.id).length === 1, "the reconciler to queue the shot");
      const hash = shotJobs(shot.id)[0]!.contentHash;
      const clipKey = shotArtifactKey(hash, "mp4");
      const thumbnailKey = shotArtifactKey(hash, "thumbnail");
      await server.services.renders.update(projectId, "main", shot.id, hash, { status: "done", progress: 100, artifacts: { mp4: clipKey, thumbnail: thumbnailKey } });
      const plan = await service.request("GET", `/api/projects/${projectId}/episodes/${team.episode.id}/animatic-plan`);
      expect(plan.status).toBe(200);
      expect(plan.body).toMatchObject({ projectId, branchId: "main", episodeId: team.episode.id, episodeTitle: "Episode", resolution: "720p" });
      expect(plan.body.shots).toContainEqual({
        shotId: shot.id,
        sceneId: shot.sceneId,
        sceneNumber: "1",
        sceneHeading: "INT. KITCHEN - NIGHT",
        shotNumber: expect.any(String),
        duration: 2,
        dialogue: [],
        contentHash: hash,
        clipKey,
        thumbnailKey,
      });
      // The other locked shots have no finished render: listed as missing, with the reason.
      expect(plan.body.missing.length).toBeGreaterThan(0);
      for (const entry of plan.body.missing) expect(entry.reason).toEqual(expect.any(String));
      expect((await team.as.director.request("GET", `/api/projects/${projectId}/episodes/${team.episode.id}/animatic-plan`)).status).toBe(403);

      const first = `/api/projects/${projectId}/episodes/${team.episode.id}/animatic`;
      expect(await team.as.director.request("POST", first, { transition: "dissolve", titleCards: true })).toEqual({ status: 202, body: { status: "queued" } });
      expect(queue.added).toContainEqual({ type: "animatic", projectId, branchId: "main", episodeId: team.episode.id, options: { transition: "dissolve", titleCards: true } });
      expect((await team.as.viewer.request("GET", first)).body).toMatchObject({ status: "queued", progress: 0, artifacts: {}, timeline: [] });
      expect((await team.as.viewer.request("POST", first)).status).toBe(403);
    });

    it("lets owners and directors choose the render settings, which change the content hash", async () => {
      const projectId = team.project.id;
      const path = `/api/projects/${projectId}/render-settings`;
      expect((await team.as.artist.request("PATCH", path, { renderResolution: "1080p" })).status).toBe(403);
      expect((await team.as.director.request("PATCH", path, { renderResolution: "4k" })).status).toBe(400);
      expect((await team.as.director.request("PATCH", path, { renderProvider: "midjourney" })).status).toBe(400);
      expect((await team.as.director.request("PATCH", path, { renderFormat: "avi" })).status).toBe(400);
      // Configured means this deployment's environment names the provider (never a document or the database).
      const providers = [
        { id: "builtin", configured: true },
        { id: "openai-images", configured: Boolean(process.env.OPENAI_API_KEY?.trim()) },
        { id: "comfyui", configured: Boolean(process.env.COMFYUI_URL?.trim()) },
      ];
      expect(await team.as.viewer.request("GET", path)).toEqual({ status: 200, body: { renderResolution: "720p", renderProvider: "builtin", renderFormat: "mp4", providers } });
      const before = queue.added.length;
      const hashes = () => queue.added.flatMap((job) => (job.type === "shot" ? [job.contentHash] : []));
      const hashesBefore = new Set(hashes());
      expect(await team.as.director.request("PATCH", path, { renderResolution: "1080p" })).toEqual({
        status: 200,
        body: { renderResolution: "1080p", renderProvider: "builtin", renderFormat: "mp4", providers },
      });
      // Every locked shot needs a new render at the new resolution.
      await eventually(async () => queue.added.length > before, "renders at the new resolution to be queued");
      await server.services.reconciler.idle();
      expect((await team.as.viewer.request("GET", `/api/projects/${projectId}`)).body).toMatchObject({ renderResolution: "1080p", renderFormat: "mp4" });

      // WebM clips are other files: another content hash, so another render.
      const beforeWebm = queue.added.length;
      expect((await team.as.director.request("PATCH", path, { renderFormat: "webm" })).body).toMatchObject({ renderFormat: "webm" });
      await eventually(async () => queue.added.length > beforeWebm, "WebM renders to be queued");
      await server.services.reconciler.idle();
      const newHashes = hashes().slice(before);
      expect(newHashes.length).toBeGreaterThan(1);
      for (const hash of newHashes) expect(hashesBefore.has(hash)).toBe(false);
      expect(new Set(newHashes).size).toBe(newHashes.length);
    });
  });
}
