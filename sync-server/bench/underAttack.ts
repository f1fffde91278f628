/**
 * Section "attack": the victims' latency while someone attacks the server. 50 real clients edit one script
 * (5 typing, the fan-out method) while a separate process attacks: a presence flood from a member, malformed
 * frames, forged updates for a document the attacker may not open, updates from a viewer, oversized
 * messages, or a thousand connections from one token. Each window is compared with one under no attack.
 * Aiuteur only: the peers have none of these limits to measure.
 */
import { PROTOCOL_VERSION } from "@aiuteur/shared";
import { ApiClient } from "../test/helpers/api.js";
import { connect } from "../test/helpers/collab.js";
import { blockTexts } from "../test/helpers/script.js";
import { startAttack, type AttackKind, type AttackStats, type RunningAttack } from "./attack/index.js";
import { measureLoad } from "./load/index.js";
import { median } from "./load/stats.js";
import { num, ratio, spread, table } from "./report.js";
import { sampleProcess, startBenchServer, type BenchDocument, type BenchServer } from "./servers/index.js";
import type { BenchContext, BenchSection, BenchSectionRunner } from "./section.js";

type Case = AttackKind | "none";

const CASES: Case[] = [
  "none",
  "presence-flood",
  "malformed-frames",
  "forged-updates",
  "read-only-updates",
  "oversized-messages",
  "connection-flood",
];

const WHAT: Record<Case, string> = {
  none: "no attack",
  "presence-flood": "a writer of the victims' project, 8 sockets on their document, 1,000 presence updates a second each",
  "malformed-frames": "up to 200 new sockets a second, each sending one frame that is not a valid message (random bytes, empty, truncated, garbage update, unknown type), half of them authenticated first",
  "forged-updates": "a stranger to the victims' project, refused their document, then sending valid updates for it on 4 sockets at 250 a second each",
  "read-only-updates": "a viewer of the victims' project sending valid updates to their document on 4 sockets at 250 a second each",
  "oversized-messages": "5 MiB messages (the limit is 4 MiB) from authenticated sockets, up to 10 a second",
  "connection-flood": "one token opening 1,200 connections 50 at a time over 6 of its own documents and holding them, then 50 more attempts a second",
};

/** Text an attack would leave in the victims' document if it got through. */
const FORBIDDEN_TEXT = ["forged into someone else's script", "written by a viewer"];

const CLIENTS = 50;
const TYPERS = 5;

interface Window {
  p50: number;
  p99: number;
  max: number;
  delivered: number;
  serverCpuShare: number;
  serverRssMb: number;
  attackerCpuShare: number;
  attackRate: number;
  stats: AttackStats | null;
  intact: boolean;
  healthy: boolean;
  errors: string[];
}

interface Cast {
  origin: string;
  url: string;
  owner: ApiClient;
  projectId: string;
  /** A writer member: sends the presence flood. */
  member: ApiClient;
  viewer: ApiClient;
  /** Not a member; attacks with its own documents. */
  stranger: ApiClient;
  strangerDocuments: string[];
}

async function cast(server: BenchServer): Promise<Cast> {
  const origin = `http://127.0.0.1:${server.port}`;
  const stamp = Date.now().toString(36);
  const owner = new ApiClient(origin);
  await owner.signup(`owner-${stamp}@example.test`, "Owner");
  const project = await owner.createProject("Victims");
  const member = new ApiClient(origin);
  const memberEmail = `member-${stamp}@example.test`;
  await member.signup(memberEmail, "Member");
  await owner.addMember(project.id, memberEmail, "writer");
  const viewer = new ApiClient(origin);
  const viewerEmail = `viewer-${stamp}@example.test`;
  await viewer.signup(viewerEmail, "Viewer");
  await owner.addMember(project.id, viewerEmail, "viewer");
  const stranger = new ApiClient(origin);
  await stranger.signup(`stranger-${stamp}@example.test`, "Stranger");
  const own = await stranger.createProject("Attacker's own");
  const strangerDocuments: string[] = [];
  for (let i = 0; i < 6; i++) strangerDocuments.push((await stranger.createEpisode(own.id, `Own ${i + 1}`)).documents.script);
  const url = `${origin.replace(/^http/, "ws")}/collab?protocol=${PROTOCOL_VERSION}`;
  return { origin, url, owner, projectId: project.id, member, viewer, stranger, strangerDocuments };
}

function attackerToken(kind: AttackKind, actors: Cast): string {
  if (kind === "presence-flood") return actors.member.token!;
  if (kind === "read-only-updates") return actors.viewer.token!;
  return actors.stranger.token!;
}

/** Whether the victims' document, opened fresh, holds nothing an attack wrote. */
async function victimsDocumentIntact(actors: Cast, name: string): Promise<boolean> {
  const client = connect(actors.origin, name, actors.owner.token!);
  try {
    const ready = await Promise.race([client.ready, new Promise<null>((resolve) => setTimeout(() => resolve(null), 15_000))]);
    if (ready === null || !ready.synced) return false;
    const texts = blockTexts(client.doc);
    return !texts.some((text) => FORBIDDEN_TEXT.some((forbidden) => text.includes(forbidden)));
  } finally {
    client.destroy();
  }
}

async function measureWindow(
  server: BenchServer,
  actors: Cast,
  attackCase: Case,
  timing: { warmupMs: number; windowMs: number },
  seed: number,
): Promise<Window> {
  const episode = await actors.owner.createEpisode(actors.projectId, `Under ${attackCase}`);
  const victims: BenchDocument = { kind: "aiuteur", url: actors.url, name: episode.documents.script, token: actors.owner.token };
  let attack: RunningAttack | null = null;
  let attackerStart: ReturnType<typeof sampleProcess> | null = null;
  let attackerEnd: ReturnType<typeof sampleProcess> | null = null;
  let attackStarted = false;
  const errors: string[] = [];
  const measured = await measureLoad(
    server.pid,
    { documents: [victims], clientsPerDocument: CLIENTS, typersPerDocument: TYPERS, ...timing },
    {
      onReady() {
        if (attackCase === "none") return;
        // The attack starts with the victims' warm-up, so it is in full swing when the window opens.
        attack = startAttack({
          kind: attackCase,
          url: actors.url,
          victimDocument: victims.name,
          ownDocuments: actors.strangerDocuments,
          token: attackerToken(attackCase, actors),
          durationMs: timing.warmupMs + timing.windowMs,
          seed,
        });
        attack.started.then(() => (attackStarted = true), () => undefined);
      },
      onWindowStart() {
        if (!attack) return;
        if (!attackStarted) errors.push("the attack had not started when the window opened");
        attackerStart = sampleProcess(attack.pid);
      },
      onWindowEnd() {
        if (!attack) return;
        try {
          attackerEnd = sampleProcess(attack.pid);
        } catch {
          errors.push("the attack ended before the window did");
        }
      },
    },
  );
  const running = attack as RunningAttack | null;
  const stats = running ? await running.result : null;
  const windowMs = measured.load.windowMs;
  const start = attackerStart as ReturnType<typeof sampleProcess> | null;
  const end = attackerEnd as ReturnType<typeof sampleProcess> | null;
  const healthy = (await fetch(`${actors.origin}/healthz`)).status === 200;
  return {
    p50: measured.load.latencyMs.p50,
    p99: measured.load.latencyMs.p99,
    max: measured.load.latencyMs.max,
    delivered: measured.load.expectedDeliveries > 0 ? measured.load.deliveries / measured.load.expectedDeliveries : Number.NaN,
    serverCpuShare: measured.serverCpuMs / windowMs,
    serverRssMb: measured.serverRssBytes / 1024 / 1024,
    attackerCpuShare: start && end ? (end.cpuMs - start.cpuMs) / windowMs : Number.NaN,
    attackRate: stats ? (stats.sent * 1000) / stats.durationMs : Number.NaN,
    stats,
    intact: await victimsDocumentIntact(actors, victims.name),
    healthy,
    errors: [...errors, ...measured.load.errors, ...(stats?.errors ?? [])],
  };
}

/** "4420 ×12 · refused too-many-connections-for-user ×200 · 1,000 held open", summed over runs. */
function serverAnswer(windows: Window[]): string {
  const closes = new Map<string, number>();
  const refusals = new Map<string, number>();
  let held = 0;
  let leftOpen = 0;
  for (const window of windows) {
    for (const [code, count] of Object.entries(window.stats?.closes ?? {})) closes.set(code, (closes.get(code) ?? 0) + count);
    for (const [reason, count] of Object.entries(window.stats?.refusals ?? {})) refusals.set(reason, (refusals.get(reason) ?? 0) + count);
    held = Math.max(held, window.stats?.heldOpen ?? 0);
    leftOpen += window.stats?.leftOpen ?? 0;
  }
  const parts = [
    ...[...closes.entries()].sort((a, b) => b[1] - a[1]).map(([code, count]) => `closed ${code} ×${num(count)}`),
    ...[...refusals.entries()].sort((a, b) => b[1] - a[1]).map(([reason, count]) => `refused \`${reason}\` ×${num(count)}`),
  ];
  if (held > 0) parts.push(`${num(held)} held open`);
  if (leftOpen > 0) parts.push(`${num(leftOpen)} left open`);
  return parts.length > 0 ? parts.join(" · ") : "—";
}

export const underAttack: BenchSectionRunner = {
  id: "attack",
  async run(context: BenchContext): Promise<BenchSection> {
    const timing = context.quick ? { warmupMs: 2500, windowMs: 2000 } : { warmupMs: 3000, windowMs: 8000 };
    // The product's default limits, which the bench server otherwise raises for its single bench account.
    const server = await startBenchServer("aiuteur", { env: { MAX_CONNECTIONS_PER_USER: "1000", MAX_CONNECTIONS_PER_DOCUMENT: "200" } });
    const windows = new Map<Case, Window[]>(CASES.map((c) => [c, []]));
    try {
      const actors = await cast(server);
      for (let run = 0; run < context.runs; run++) {
        for (const [index, attackCase] of CASES.entries()) {
          const window = await measureWindow(server, actors, attackCase, timing, 1000 * run + index);
          windows.get(attackCase)!.push(window);
          context.log(
            `attack ${attackCase} run ${run + 1}: victims p50 ${num(window.p50, 1)} / p99 ${num(window.p99, 1)} ms, ` +
              `${num(window.delivered * 100, 1)}% delivered, server CPU ${num(window.serverCpuShare * 100)}%, ` +
              `attacker ${num(window.attackRate)}/s (CPU ${num(window.attackerCpuShare * 100)}%), ${serverAnswer([window])}` +
              (window.errors.length > 0 ? `, errors: ${window.errors.slice(0, 3).join("; ")}` : ""),
          );
        }
      }
    } finally {
      await server.stop();
    }

    const baseline = windows.get("none")!;
    const rows = CASES.map((attackCase) => {
      const list = windows.get(attackCase)!;
      const pick = (key: "p50" | "p99" | "max" | "serverCpuShare" | "serverRssMb" | "attackerCpuShare" | "attackRate") =>
        list.map((w) => w[key]);
      const delivered = Math.min(...list.map((w) => w.delivered));
      return [
        attackCase,
        attackCase === "none" ? "—" : spread(pick("attackRate"), 0),
        serverAnswer(list),
        spread(pick("p50"), 1),
        spread(pick("p99"), 1),
        spread(pick("max"), 0),
        Number.isFinite(delivered) ? `${num(delivered * 100, delivered < 1 ? 1 : 0)}%` : "–",
        attackCase === "none"
          ? "—"
          : `${ratio(median(pick("p50")), median(baseline.map((w) => w.p50)))} / ${ratio(median(pick("p99")), median(baseline.map((w) => w.p99)))}`,
        spread(pick("serverCpuShare").map((v) => v * 100), 0),
        spread(pick("serverRssMb"), 0),
        attackCase === "none" ? "—" : spread(pick("attackerCpuShare").map((v) => v * 100), 0),
        list.every((w) => w.intact && w.healthy) ? "yes" : "NO",
      ];
    });
    const errors = CASES.flatMap((c) => windows.get(c)!.flatMap((w) => w.errors.map((e) => `${c}: ${e}`)));
    const markdown = [
      `The victims: ${CLIENTS} real clients (HocuspocusProvider) on one script document, ${TYPERS} of them typing 5`,
      `characters a second with a presence update per keystroke, from one separate load process; latency is`,
      `"keystroke made on A → visible on B", as in the fan-out section, over an ${num(timing.windowMs / 1000)} s window.`,
      `The attack runs in a third process, paced (rates below), from the start of the victims' ${num(timing.warmupMs / 1000)} s`,
      `warm-up to the end of the window. The server is the product as in the fan-out section (SQLite), with its default`,
      `per-account (1,000) and per-document (200) connection limits; each window uses a fresh victims' document. Afterwards`,
      `a fresh client opens the victims' document, which must hold nothing the attack wrote, and \`/healthz\` must answer`,
      `200 ("intact").`,
      "",
      ...CASES.filter((c) => c !== "none").map((c) => `- **${c}**: ${WHAT[c]}.`),
      "",
      table(
        [
          "attack",
          "attacker frames/s",
          "server's answer (all runs)",
          "victims p50 ms",
          "p99 ms",
          "max ms",
          "delivered",
          "÷ no attack: p50 / p99",
          "server CPU %",
          "server RSS MB",
          "attacker CPU %",
          "intact",
        ],
        ["l", "r", "l", "r", "r", "r", "r", "l", "r", "r", "r", "l"],
        rows,
      ),
      "",
      `"attacker frames/s" counts frames (for connection-flood, connection attempts) over the attack's whole run;`,
      `"server CPU %" is the server process's CPU over the window as a share of one core. Close codes: 4402`,
      `malformed message, 4422 update that does not decode, 4413 message too large, 4420 presence flood`,
      `(docs/api.md); 4205 is Hocuspocus resetting a socket whose unauthenticated queue overflowed. "held open":`,
      `attack sockets still connected at the end (the flood's accepted connections; a refused or flooding socket`,
      `may stay connected, its messages dropped). "left open": a malformed-frame socket the server had not closed`,
      `a second later, because its random "update" happened to decode as a valid, harmless one and was applied to`,
      `the attacker's own document.`,
      ...(errors.length > 0 ? ["", `Errors seen: ${[...new Set(errors)].slice(0, 12).join("; ")}.`] : []),
    ].join("\n");
    return {
      id: "attack",
      title: "Other users' latency during an attack",
      command: "BENCH_ONLY=attack npm run bench -w @aiuteur/sync-server",
      markdown,
    };
  },
};
