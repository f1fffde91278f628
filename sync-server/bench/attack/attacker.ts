/**
 * The attack process (started by ./index.ts, never imported): reads an AttackPlan as JSON on stdin, attacks
 * the server for plan.durationMs with raw WebSocket clients speaking the Hocuspocus wire protocol directly
 * (as a hostile client would), and reports what it sent and how the server answered as JSON lines on stdout.
 *
 * Every attack is paced to a fixed rate far above what a real client sends, so runs are comparable and the
 * attacker does not simply eat the CPU the server and the victims need on a small machine; its own CPU is
 * sampled by the parent.
 */
import * as encoding from "lib0/encoding";
import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import { openRawSocket, type RawSocket } from "../../test/helpers/rawSocket.js";
import { createPrng } from "../../test/helpers/fuzz/prng.js";
import { appendBlock } from "../../test/helpers/script.js";
import { emit, ErrorLog, runChild, sleep } from "../load/childProcess.js";
import type { AttackEvent, AttackPlan, AttackStats } from "./plan.js";

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const SYNC_UPDATE = 2;
const TICK_MS = 10;

function frame(documentName: string, type: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, documentName);
  encoding.writeVarUint(encoder, type);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

function syncUpdateFrame(documentName: string, update: Uint8Array): Uint8Array {
  return frame(documentName, MESSAGE_SYNC, (encoder) => {
    encoding.writeVarUint(encoder, SYNC_UPDATE);
    encoding.writeVarUint8Array(encoder, update);
  });
}

/** Shared bookkeeping of one attack run. */
class Attack {
  readonly stats: AttackStats = { sent: 0, connections: 0, closes: {}, refusals: {}, heldOpen: 0, leftOpen: 0, durationMs: 0, errors: [] };
  readonly sockets = new Set<RawSocket>();
  /** Sockets this process hung up on itself: their close is not the server's answer. */
  private readonly hungUp = new WeakSet<RawSocket>();
  readonly stopAt: number;
  private ending = false;

  constructor(readonly plan: AttackPlan) {
    this.stopAt = performance.now() + plan.durationMs;
  }

  get running(): boolean {
    return !this.ending && performance.now() < this.stopAt;
  }

  private readonly errors = new ErrorLog();

  error(message: string): void {
    this.errors.add(message);
  }

  /** Opens a socket and counts how the server closes it (closes made by this process at the end are not counted). */
  async open(): Promise<RawSocket | null> {
    try {
      const socket = await openRawSocket(this.plan.url);
      this.stats.connections += 1;
      this.sockets.add(socket);
      void socket.closed.then(({ code }) => {
        this.sockets.delete(socket);
        if (!this.ending && !this.hungUp.has(socket)) this.stats.closes[code] = (this.stats.closes[code] ?? 0) + 1;
      });
      return socket;
    } catch (error) {
      this.error(`connect: ${error instanceof Error ? error.message : String(error)}`);
      await sleep(50);
      return null;
    }
  }

  /** Closes a socket from this side; `leftOpen` counts one the server had not closed after a bad frame. */
  hangUp(socket: RawSocket, leftOpen = false): void {
    if (socket.socket.readyState === socket.socket.OPEN && leftOpen) this.stats.leftOpen += 1;
    this.hungUp.add(socket);
    socket.socket.terminate();
  }

  /** Authenticates for a document; true when accepted (the answer is counted when it is a refusal or a close). */
  async authenticate(socket: RawSocket, documentName: string, expect: "accepted" | "any" = "accepted"): Promise<boolean> {
    const answer = await Promise.race([
      socket.authenticate(documentName, this.plan.token),
      socket.closed.then(() => "closed"),
      sleep(10_000).then(() => "no answer in 10 s"),
    ]);
    if (answer === "read-write" || answer === "readonly") return true;
    if (answer.startsWith("denied:")) {
      const reason = answer.slice("denied:".length);
      this.stats.refusals[reason] = (this.stats.refusals[reason] ?? 0) + 1;
    } else if (answer !== "closed") this.error(answer);
    return expect === "any";
  }

  /**
   * Sends frames from `make` on `socket` at `perSecond` until the attack ends or the server closes the socket.
   * Stops writing while the socket's send buffer is backed up, as a flooding client limited by TCP would.
   */
  async flood(socket: RawSocket, perSecond: number, make: () => Uint8Array): Promise<void> {
    let closed = false;
    void socket.closed.then(() => (closed = true));
    const started = performance.now();
    let sent = 0;
    while (this.running && !closed) {
      const due = Math.floor(((performance.now() - started) / 1000) * perSecond);
      while (sent < due && !closed && socket.socket.bufferedAmount < 4 * 1024 * 1024) {
        socket.send(make());
        sent += 1;
        this.stats.sent += 1;
      }
      await sleep(TICK_MS);
    }
  }

  /** Runs `workers` copies of `work` until the attack ends. */
  async workers(count: number, work: (index: number) => Promise<void>): Promise<void> {
    await Promise.all(
      Array.from({ length: count }, async (_, index) => {
        while (this.running) {
          try {
            await work(index);
          } catch (error) {
            this.error(error instanceof Error ? error.message : String(error));
            await sleep(50);
          }
        }
      }),
    );
  }

  end(): AttackStats {
    this.stats.errors = this.errors.list();
    this.ending = true;
    this.stats.heldOpen = [...this.sockets].filter((s) => s.socket.readyState === s.socket.OPEN).length;
    for (const socket of this.sockets) socket.socket.terminate();
    return this.stats;
  }
}

/** A member's sockets on the victims' document, each sending presence updates far over the budget. */
async function presenceFlood(attack: Attack): Promise<void> {
  const { victimDocument } = attack.plan;
  await attack.workers(8, async () => {
    const socket = await attack.open();
    if (!socket) return;
    if (!(await attack.authenticate(socket, victimDocument))) return void attack.hangUp(socket);
    const awareness = new awarenessProtocol.Awareness(new Y.Doc());
    let seq = 0;
    await attack.flood(socket, 1000, () => {
      awareness.setLocalStateField("cursor", { anchor: seq, head: seq++, name: "x".repeat(64) });
      const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID]);
      return frame(victimDocument, MESSAGE_AWARENESS, (encoder) => encoding.writeVarUint8Array(encoder, update));
    });
    awareness.destroy();
  });
}

/** Fresh sockets, half of them authenticated, each sending one frame that is not a valid message. */
async function malformedFrames(attack: Attack): Promise<void> {
  const random = createPrng(attack.plan.seed).next;
  const bytes = (length: number) => Uint8Array.from({ length }, () => Math.floor(random() * 256));
  const ownDocument = attack.plan.ownDocuments[0]!;
  const makers = [
    () => bytes(1 + Math.floor(random() * 300)),
    () => new Uint8Array(),
    () => syncUpdateFrame(ownDocument, bytes(2 + Math.floor(random() * 60))),
    () => {
      const doc = new Y.Doc();
      appendBlock(doc, `hostile ${Math.floor(random() * 1e6)}`);
      const whole = syncUpdateFrame(ownDocument, Y.encodeStateAsUpdate(doc));
      return whole.slice(0, 1 + Math.floor(random() * (whole.length - 1)));
    },
    () => frame(ownDocument, 11 + Math.floor(random() * 1000), () => undefined),
  ];
  // 8 loops, each at most 25 sockets a second: up to 200 malformed connections a second.
  await attack.workers(8, async () => {
    const began = performance.now();
    const socket = await attack.open();
    if (!socket) return;
    if (random() < 0.5 && !(await attack.authenticate(socket, ownDocument))) return void attack.hangUp(socket);
    socket.send(makers[Math.floor(random() * makers.length)]!());
    attack.stats.sent += 1;
    await Promise.race([socket.closed, sleep(1000)]);
    // A garbage update can happen to decode as a valid (if meaningless) one: it is applied, and the socket stays.
    attack.hangUp(socket, true);
    await sleep(Math.max(0, 40 - (performance.now() - began)));
  });
}

/** Valid updates for prepared blocks, so the attacker spends no CPU building them during the attack. */
function preparedUpdates(label: string, count: number): Uint8Array[] {
  return Array.from({ length: count }, (_, i) => {
    const doc = new Y.Doc();
    appendBlock(doc, `${label} ${i}`);
    return Y.encodeStateAsUpdate(doc);
  });
}

/**
 * Valid updates for the victims' document from 4 sockets at 250 a second each: from a stranger refused the
 * document ("stranger"), who sends them anyway, or from a viewer, who may only read it.
 */
async function updatesToVictims(attack: Attack, as: "stranger" | "viewer"): Promise<void> {
  const { victimDocument } = attack.plan;
  const updates = preparedUpdates(as === "stranger" ? "forged into someone else's script" : "written by a viewer", 64);
  await attack.workers(4, async () => {
    const socket = await attack.open();
    if (!socket) return;
    const accepted = await attack.authenticate(socket, victimDocument, as === "stranger" ? "any" : "accepted");
    if (!accepted) return void attack.hangUp(socket);
    let i = 0;
    await attack.flood(socket, 250, () => syncUpdateFrame(victimDocument, updates[i++ % updates.length]!));
  });
}

/** Messages just over the limit (MAX_MESSAGE_BYTES + 1 MiB) from authenticated sockets, reconnecting after each close. */
async function oversizedMessages(attack: Attack): Promise<void> {
  const ownDocument = attack.plan.ownDocuments[0]!;
  const oversized = syncUpdateFrame(ownDocument, new Uint8Array(5 * 1024 * 1024).fill(7));
  // 2 loops, each at most 5 messages a second: up to 50 MiB a second at the server.
  await attack.workers(2, async () => {
    const began = performance.now();
    const socket = await attack.open();
    if (!socket) return;
    if (!(await attack.authenticate(socket, ownDocument))) return void attack.hangUp(socket);
    socket.send(oversized);
    attack.stats.sent += 1;
    await Promise.race([socket.closed, sleep(2000)]);
    attack.hangUp(socket, true);
    await sleep(Math.max(0, 200 - (performance.now() - began)));
  });
}

/** One token opening connections 50 at a time up to 1,200, holding each, then retrying 50 a second. */
async function connectionFlood(attack: Attack): Promise<void> {
  const { ownDocuments } = attack.plan;
  let next = 0;
  const openOne = async () => {
    const socket = await attack.open();
    attack.stats.sent += 1;
    if (!socket) return;
    if (!(await attack.authenticate(socket, ownDocuments[next++ % ownDocuments.length]!))) attack.hangUp(socket);
  };
  for (let opened = 0; opened < 1200 && attack.running; opened += 50) {
    await Promise.all(Array.from({ length: 50 }, openOne));
  }
  while (attack.running) {
    const began = performance.now();
    await openOne();
    await sleep(Math.max(0, 20 - (performance.now() - began)));
  }
}

const ATTACKS: Record<AttackPlan["kind"], (attack: Attack) => Promise<void>> = {
  "presence-flood": presenceFlood,
  "malformed-frames": malformedFrames,
  "forged-updates": (attack) => updatesToVictims(attack, "stranger"),
  "read-only-updates": (attack) => updatesToVictims(attack, "viewer"),
  "oversized-messages": oversizedMessages,
  "connection-flood": connectionFlood,
};

async function run(plan: AttackPlan): Promise<AttackStats> {
  process.setMaxListeners(0);
  const attack = new Attack(plan);
  const started = performance.now();
  emit({ type: "started" });
  await ATTACKS[plan.kind](attack);
  const stats = attack.end();
  stats.durationMs = performance.now() - started;
  return stats;
}

runChild<AttackPlan, AttackStats>(run, (stats): AttackEvent => ({ type: "result", stats }));
