/**
 * The load process (started by ./index.ts, never imported): reads a LoadPlan as JSON on stdin, connects
 * the clients, types, and reports JSON lines on stdout (see LoadEvent).
 *
 * Measuring "edit made on A → visible on B": every typer owns one "action" block (a Y.XmlElement marked with
 * the typer's number, holding one Y.XmlText) in the script's screenplay fragment and only ever appends to it,
 * so its n-th keystroke is character n of that text. All clients live in this one process and share one
 * clock, so the send time of (typer, n) is recorded here and every other client takes its arrival time when
 * its own document first holds character n of that typer's text. The same structure is used on every server.
 */
import { SCREENPLAY_FRAGMENT } from "@aiuteur/shared";
import * as Y from "yjs";
import { openClient, type LoadClient } from "./clients.js";
import { emit, runChild, sleep } from "./childProcess.js";
import type { LoadEvent, LoadPlan, LoadResult } from "./plan.js";
import { loadResult, typeThroughWindow, waitUntil, WindowMeasurement } from "./window.js";

const TYPER_ATTRIBUTE = "benchTyper";

/** Shared measurement state for one run. */
class Measurement extends WindowMeasurement {
  /** sendTimes[documentIndex][typer][seq]: when that keystroke was made (performance.now()). */
  readonly sendTimes: number[][][] = [];
}

/** One connected client of one document, watching the typers' blocks in its own copy. */
class Participant {
  readonly client: LoadClient;
  /** Characters of each typer's text this client has seen so far. */
  private readonly seen: number[] = [];
  private readonly typerOf = new WeakMap<Y.XmlText, number>();
  private readonly fragment: Y.XmlFragment;
  /** The text this client types into, when it is a typer. */
  private ownText: Y.XmlText | null = null;
  ready = false;

  constructor(
    readonly documentIndex: number,
    readonly typer: number | null,
    target: LoadPlan["documents"][number],
    private readonly measurement: Measurement,
  ) {
    this.client = openClient(target, (message) => measurement.error(message));
    this.fragment = this.client.doc.getXmlFragment(SCREENPLAY_FRAGMENT);
    this.fragment.observeDeep((events) => this.observe(events));
  }

  /** Typer blocks this client can see. */
  typersSeen(): number {
    let count = 0;
    for (const value of this.seen) if (value !== undefined) count += 1;
    return count;
  }

  private observe(events: Array<Y.YEvent<any>>): void {
    const now = performance.now();
    let rescan = false;
    for (const event of events) {
      const typer = event.target instanceof Y.XmlText ? this.typerOf.get(event.target) : undefined;
      if (typer === undefined) rescan = true;
      else this.arrived(typer, (event.target as Y.XmlText).length, now);
    }
    if (rescan) this.scan(now);
  }

  /** Finds typer blocks (new ones arrive during setup) and reads their lengths. */
  private scan(now: number): void {
    for (const node of this.fragment.toArray()) {
      if (!(node instanceof Y.XmlElement)) continue;
      const mark = node.getAttribute(TYPER_ATTRIBUTE);
      if (mark === undefined) continue;
      const text = node.get(0);
      if (!(text instanceof Y.XmlText)) continue;
      const typer = Number(mark);
      this.typerOf.set(text, typer);
      this.arrived(typer, text.length, now);
    }
  }

  private arrived(typer: number, length: number, now: number): void {
    const before = this.seen[typer] ?? 0;
    this.seen[typer] = Math.max(before, length);
    if (typer === this.typer || !this.ready) return;
    const times = this.measurement.sendTimes[this.documentIndex]![typer];
    if (!times) return;
    for (let seq = before; seq < length; seq++) {
      const sentAt = times[seq];
      if (sentAt !== undefined && this.measurement.inWindow(sentAt)) this.measurement.latencies.push(now - sentAt);
    }
  }

  /** Adds this typer's own block, which every client then waits to see. */
  createBlock(): void {
    const block = new Y.XmlElement("action");
    block.setAttribute(TYPER_ATTRIBUTE, String(this.typer));
    this.ownText = new Y.XmlText();
    block.insert(0, [this.ownText]);
    this.fragment.push([block]);
  }

  /** Types one character at the end of this typer's block and publishes the caret. */
  type(seq: number, presence: boolean): void {
    const text = this.ownText;
    if (!text) return;
    const times = this.measurement.sendTimes[this.documentIndex]![this.typer!]!;
    times[seq] = performance.now();
    text.insert(text.length, String.fromCharCode(97 + (seq % 26)));
    if (presence) this.client.setPresence({ typer: this.typer!, seq });
  }
}

async function run(plan: LoadPlan): Promise<LoadResult> {
  // y-websocket's provider adds a process "exit" listener per client: hundreds are expected here.
  process.setMaxListeners(0);
  const measurement = new Measurement();
  const perDocument = plan.clientsPerDocument;
  const typers = Math.min(plan.typersPerDocument, perDocument);
  const specs: Array<{ documentIndex: number; typer: number | null }> = [];
  plan.documents.forEach((_target, documentIndex) => {
    measurement.sendTimes[documentIndex] = Array.from({ length: typers }, () => []);
    for (let i = 0; i < perDocument; i++) specs.push({ documentIndex, typer: i < typers ? i : null });
  });

  // Connect in small batches, as many users arriving over a short while would, without a thundering herd.
  const participants: Participant[] = [];
  const connectStart = performance.now();
  const concurrency = plan.connectConcurrency ?? 25;
  let connected = 0;
  for (let i = 0; i < specs.length; i += concurrency) {
    const batch = specs
      .slice(i, i + concurrency)
      .map((spec) => new Participant(spec.documentIndex, spec.typer, plan.documents[spec.documentIndex]!, measurement));
    participants.push(...batch);
    const results = await Promise.all(
      batch.map((p) => Promise.race([p.client.synced.then(() => true), sleep(30_000).then(() => false)])),
    );
    connected += results.filter(Boolean).length;
    // Progress on stderr: when a run fails, the parent shows this tail, which says which phase stalled.
    process.stderr.write(`connected ${connected}/${i + batch.length} after ${Math.round(performance.now() - connectStart)} ms\n`);
  }
  const connectMs = performance.now() - connectStart;

  const typing = participants.filter((p) => p.typer !== null);
  for (const typer of typing) typer.createBlock();
  const allSeen = await waitUntil(() => participants.every((p) => p.typersSeen() >= typers), 30_000);
  if (!allSeen) measurement.error("not every client saw every typer's block within 30 s");
  process.stderr.write(`typer blocks ${allSeen ? "seen by every client" : "NOT seen by every client"}\n`);
  for (const p of participants) p.ready = true;
  emit({ type: "ready", connected });

  await typeThroughWindow(plan, measurement, typing, perDocument - 1);
  const result = loadResult(measurement, { clients: participants.length, connected, connectMs });
  for (const p of participants) p.client.destroy();
  return result;
}

runChild<LoadPlan, LoadResult>(run, (result): LoadEvent => ({ type: "result", result }));
