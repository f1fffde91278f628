/**
 * Storyboard at scale: headless Chromium opens the storyboard of a 300-shot episode (30 scenes × 10 shots,
 * each shot with a few sketch strokes) and we measure the time from navigation until all 300 panels are
 * rendered with their fields, and the page's JS heap. Median of 3 runs, each in a fresh browser context
 * (so nothing comes from IndexedDB: every document is synced over the one pooled socket).
 *
 *   npm run bench -w e2e        (after npm run build)
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import * as Y from "yjs";
import WebSocket from "ws";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { addStroke, PROTOCOL_PARAM, PROTOCOL_VERSION } from "@aiuteur/shared";
import type { Browser } from "playwright-core";
import { launchBrowser, snapshot } from "../tests/helpers/browser.js";
import { startProduct, type Product } from "../tests/helpers/product.js";

const SCENES = 30;
const SHOTS_PER_SCENE = 10;
const STROKES_PER_SHOT = 3;
const RUNS = 3;

function fountain(): string {
  const parts = ["Title: Benchmark Episode", ""];
  for (let s = 1; s <= SCENES; s++) {
    parts.push(`INT. ROOM ${s} - NIGHT`, "");
    // Suggest shots makes one shot per action paragraph.
    for (let p = 1; p <= SHOTS_PER_SCENE; p++) parts.push(`Anna crosses room ${s} for the ${p}th time and looks out of the window.`, "");
  }
  return parts.join("\n");
}

interface Auth {
  token: string;
  user: { id: string; email: string; displayName: string };
}

async function api<T>(product: Product, path: string, token: string | null, body?: unknown): Promise<T> {
  const response = await fetch(`${product.url}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "Content-Type": "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Gives every shot a few strokes through the sync server, as an artist's browser would. */
async function sketchShots(product: Product, token: string, documentNames: string[], author: string): Promise<void> {
  const url = `${product.url.replace(/^http/, "ws")}/collab?${PROTOCOL_PARAM}=${PROTOCOL_VERSION}`;
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket });
  try {
    for (let start = 0; start < documentNames.length; start += 50) {
      const batch = documentNames.slice(start, start + 50);
      await Promise.all(
        batch.map(async (name, i) => {
          const doc = new Y.Doc();
          const provider = new HocuspocusProvider({ websocketProvider: socket, name, document: doc, token, awareness: i === 0 ? undefined : null });
          provider.attach();
          await new Promise<void>((resolve) => (provider.isSynced ? resolve() : provider.on("synced", () => resolve())));
          const sketch = doc.getArray<unknown>("sketch");
          for (let k = 0; k < STROKES_PER_SHOT; k++) {
            const points = Array.from({ length: 40 }, (_, j) => (j % 2 === 0 ? 0.1 + (j / 80) * 0.8 : 0.2 + 0.2 * k + 0.05 * Math.sin(j)));
            addStroke(sketch, { tool: k === 2 ? "arrow" : "pen", points: k === 2 ? [0.2, 0.8, 0.8, 0.7] : points, color: "#111111", width: 4, text: "", author });
          }
          await new Promise<void>((resolve) => {
            const check = () => (provider.unsyncedChanges === 0 ? resolve() : setTimeout(check, 20));
            check();
          });
          provider.destroy();
          doc.destroy();
        }),
      );
    }
  } finally {
    socket.destroy();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

let product: Product;
let browser: Browser;

beforeAll(async () => {
  product = await startProduct();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await product?.stop();
});

it(`renders a ${SCENES * SHOTS_PER_SCENE}-shot storyboard`, async () => {
  const auth = await api<Auth>(product, "/api/auth/signup", null, {
    email: `bench-${Date.now()}@example.test`,
    password: "correct horse battery",
    displayName: "Bench Director",
  });
  const project = await api<{ id: string }>(product, "/api/projects", auth.token, { title: "Benchmark" });
  const episode = await api<{ id: string }>(product, `/api/projects/${project.id}/episodes`, auth.token, { fountain: fountain() });
  const base = `/api/projects/${project.id}/episodes/${episode.id}`;
  const scenes = await api<Array<{ sceneId: string }>>(product, `${base}/scenes`, auth.token);
  expect(scenes).toHaveLength(SCENES);
  const shotDocs: string[] = [];
  for (const scene of scenes) {
    const created = await api<Array<{ documents: { shot: string } }>>(product, `${base}/scenes/${scene.sceneId}/shots`, auth.token, { suggest: true });
    shotDocs.push(...created.map((shot) => shot.documents.shot));
  }
  expect(shotDocs).toHaveLength(SCENES * SHOTS_PER_SCENE);
  const sketchStart = Date.now();
  await sketchShots(product, auth.token, shotDocs, auth.user.id);
  console.log(`set-up: ${shotDocs.length} shots sketched (${STROKES_PER_SHOT} strokes each) in ${Date.now() - sketchStart} ms`);

  const times: number[] = [];
  const heaps: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addInitScript(
      ([token, user]) => {
        localStorage.setItem("aiuteur:token", token);
        localStorage.setItem("aiuteur:user", user);
      },
      [auth.token, JSON.stringify(auth.user)] as const,
    );
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const started = Date.now();
    await page.goto(`${product.url}/projects/${project.id}/episodes/${episode.id}/storyboard`);
    // Rendered = every panel is on the page with its fields read (data-shot-number is set then).
    await page
      .waitForFunction(
        (count) => document.querySelectorAll('[data-testid="shot-panel"][data-shot-number]').length === count,
        SCENES * SHOTS_PER_SCENE,
        { timeout: 60_000, polling: 50 },
      )
      .catch(async (error: unknown) => {
        const seen = await page.evaluate(() => ({
          sections: document.querySelectorAll('[data-testid="scene-storyboard"]').length,
          panels: document.querySelectorAll('[data-testid="shot-panel"]').length,
          withFields: document.querySelectorAll('[data-testid="shot-panel"][data-shot-number]').length,
        }));
        await snapshot(page, "storyboard-bench-timeout");
        throw new Error(`Not every panel rendered: ${JSON.stringify(seen)}`, { cause: error });
      });
    const elapsed = Date.now() - started;
    const marks = await page.evaluate(() => {
      const last = (name: string) => Math.round(Math.max(0, ...performance.getEntriesByName(name).map((e) => e.startTime)));
      return { localLoaded: last("aiuteur:pool-local-loaded"), synced: last("aiuteur:pool-synced") };
    });
    console.log(`run ${run + 1}: last IndexedDB copy loaded at ${marks.localLoaded} ms, last document synced at ${marks.synced} ms (from navigation)`);
    await cdp.send("HeapProfiler.collectGarbage");
    const { usedSize } = await cdp.send("Runtime.getHeapUsage");
    times.push(elapsed);
    heaps.push(usedSize / 1024 / 1024);
    console.log(`run ${run + 1}: all ${SCENES * SHOTS_PER_SCENE} panels rendered in ${elapsed} ms, JS heap ${(usedSize / 1024 / 1024).toFixed(1)} MB`);
    await context.close();
  }
  console.log(
    `storyboard benchmark (${SCENES} scenes × ${SHOTS_PER_SCENE} shots, ${STROKES_PER_SHOT} strokes each, headless Chromium): ` +
      `median ${median(times)} ms to render all panels, median JS heap ${median(heaps).toFixed(1)} MB after GC`,
  );
});
