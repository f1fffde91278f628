/**
 * The plumbing every bench child process shares (the load generators and the attacker): a JSON plan on
 * stdin, JSON-line events on stdout, and one way to end (the result, or the error, then exit, since
 * providers and sockets may keep timers alive).
 *
 * Usage: runChild<Plan, Result>(async (plan) => result, (result) => ({ type: "result", result }));
 */

export function emit(event: object): void {
  process.stdout.write(`${JSON.stringify(event)}\n`);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function readPlan<Plan>(): Promise<Plan> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8")) as Plan;
}

export function runChild<Plan, Result>(run: (plan: Plan) => Promise<Result>, resultEvent: (result: Result) => object): void {
  readPlan<Plan>()
    .then(run)
    .then((result) => {
      emit(resultEvent(result));
      process.exit(0);
    })
    .catch((error: unknown) => {
      emit({ type: "error", message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      process.exit(1);
    });
}

/** Error messages kept for the report: the first few, then a count of the rest. */
export class ErrorLog {
  readonly kept: string[] = [];
  count = 0;

  constructor(private readonly max = 10) {}

  add(message: string): void {
    this.count += 1;
    if (this.kept.length < this.max) this.kept.push(message);
  }

  list(): string[] {
    return this.count > this.kept.length ? [...this.kept, `… ${this.count - this.kept.length} more`] : [...this.kept];
  }
}
