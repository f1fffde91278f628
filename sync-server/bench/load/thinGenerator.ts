/**
 * The thin load process (started by ./index.ts when plan.thinReceivers is set, never imported): a few real
 * typers (HocuspocusProvider, as in ./generator.ts) and many thin receivers, raw WebSockets that
 * authenticate and then only read frames. A receiver does no CRDT work: it reads the first client id and
 * clock of each update frame, which tell which typer's which keystroke it is. A thin receiver costs the load
 * process a few microseconds per message instead of a Y.Doc's update, so one process can hold thousands of
 * them and the server, not the load process, is what saturates first on a 2-core machine.
 *
 * Aiuteur and stock Hocuspocus only (they share the Hocuspocus wire protocol).
 */
import * as decoding from "lib0/decoding";
import * as Y from "yjs";
import { SCREENPLAY_FRAGMENT } from "@aiuteur/shared";
import { openRawSocket, type RawSocket } from "../../test/helpers/rawSocket.js";
import { openClient, type LoadClient } from "./clients.js";
import { emit, runChild, sleep } from "./childProcess.js";
import type { LoadEvent, LoadPlan, LoadResult } from "./plan.js";
import { loadResult, typeThroughWindow, WindowMeasurement } from "./window.js";

const MESSAGE_SYNC = 0;
const SYNC_UPDATE = 2;

class Measurement extends WindowMeasurement {
  /** sendTimes.get(clientId)[clock]: when the keystroke that made that struct was typed. */
  readonly sendTimes = new Map<number, number[]>();

  /** A receiver got a frame: when it is a typer's keystroke sent in the window, its latency counts. */
  received(data: Buffer, now: number): void {
    try {
      const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      decoding.readVarString(decoder);
      if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return;
      if (decoding.readVarUint(decoder) !== SYNC_UPDATE) return;
      const update = decoding.readVarUint8Array(decoder);
      // A Yjs v1 update starts with: clients, then for the first client its struct count, id and first clock.
      const inner = decoding.createDecoder(update);
      if (decoding.readVarUint(inner) === 0) return;
      decoding.readVarUint(inner);
      const client = decoding.readVarUint(inner);
      const clock = decoding.readVarUint(inner);
      const sentAt = this.sendTimes.get(client)?.[clock];
      if (sentAt !== undefined && this.inWindow(sentAt)) this.latencies.push(now - sentAt);
    } catch {
      this.error("a frame the thin receiver could not read");
    }
  }
}

/** A real client typing into its own block; records the clock of each keystroke's struct. */
class Typer {
  private text: Y.XmlText | null = null;
  private readonly times: number[] = [];

  constructor(
    readonly client: LoadClient,
    measurement: Measurement,
  ) {
    measurement.sendTimes.set(client.doc.clientID, this.times);
  }

  createBlock(): void {
    const block = new Y.XmlElement("action");
    this.text = new Y.XmlText();
    block.insert(0, [this.text]);
    this.client.doc.getXmlFragment(SCREENPLAY_FRAGMENT).push([block]);
  }

  type(seq: number, presence: boolean): void {
    const text = this.text!;
    const doc = this.client.doc;
    // The keystroke's struct gets the next clock of this client: that is what receivers read back.
    this.times[Y.getState(doc.store, doc.clientID)] = performance.now();
    text.insert(text.length, String.fromCharCode(97 + (seq % 26)));
    if (presence) this.client.setPresence({ typer: 0, seq });
  }
}

async function run(plan: LoadPlan): Promise<LoadResult> {
  process.setMaxListeners(0);
  const measurement = new Measurement();
  const target = plan.documents[0]!;
  if (plan.documents.length !== 1 || !["aiuteur", "aiuteur-nolog", "hocuspocus"].includes(target.kind)) {
    throw new Error("the thin load runs on one Aiuteur or Hocuspocus document");
  }
  let stopped = false;
  const typerCount = Math.min(plan.typersPerDocument, plan.clientsPerDocument);
  const receiverCount = plan.clientsPerDocument - typerCount;
  const connectStart = performance.now();

  const typers = Array.from({ length: typerCount }, () => new Typer(openClient(target, (m) => measurement.error(m)), measurement));
  await Promise.all(typers.map((t) => t.client.synced));
  for (const typer of typers) typer.createBlock();

  const receivers: RawSocket[] = [];
  const concurrency = plan.connectConcurrency ?? 50;
  for (let i = 0; i < receiverCount; i += concurrency) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(concurrency, receiverCount - i) }, async () => {
        try {
          const socket = await openRawSocket(target.url);
          const answer = await Promise.race([socket.authenticate(target.name, target.token ?? ""), sleep(30_000).then(() => "timeout")]);
          if (answer !== "read-write" && answer !== "readonly") {
            measurement.error(`receiver refused: ${answer}`);
            socket.socket.terminate();
            return null;
          }
          socket.socket.on("message", (data: Buffer) => measurement.received(data, performance.now()));
          void socket.closed.then(({ code, reason }) => {
            if (!stopped) measurement.error(`receiver closed ${code} ${reason}`);
          });
          return socket;
        } catch (error) {
          measurement.error(`receiver: ${error instanceof Error ? error.message : String(error)}`);
          return null;
        }
      }),
    );
    receivers.push(...batch.filter((s): s is RawSocket => s !== null));
    process.stderr.write(`receivers ${receivers.length}/${i + batch.length} after ${Math.round(performance.now() - connectStart)} ms\n`);
  }
  const connectMs = performance.now() - connectStart;
  emit({ type: "ready", connected: receivers.length + typers.length });

  await typeThroughWindow(plan, measurement, typers, receivers.length);
  stopped = true;
  const result = loadResult(measurement, { clients: typerCount + receiverCount, connected: typers.length + receivers.length, connectMs });
  for (const socket of receivers) socket.socket.terminate();
  for (const typer of typers) typer.client.destroy();
  return result;
}

runChild<LoadPlan, LoadResult>(run, (result): LoadEvent => ({ type: "result", result }));
