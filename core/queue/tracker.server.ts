// The tasks a worker holds right now: keeps their leases alive (heartbeat) and, on shutdown, waits
// for them for a grace period and hands back the rest. A lease is renewed for at most maxHoldMs: a
// task stuck past every deadline stops holding its row, which becomes claimable again.
import type { Claims } from "./claims.server";
import type { ClaimedTask } from "./job-queue";

export class TaskTracker {
  private readonly held = new Map<string, { task: ClaimedTask; timer: NodeJS.Timeout }>();
  private readonly idle: Array<() => void> = [];

  constructor(
    private readonly claims: Claims,
    private readonly leaseMs: number,
    private readonly maxHoldMs = 2 * 3600_000,
  ) {}

  get size(): number {
    return this.held.size;
  }

  add(task: ClaimedTask): void {
    const until = Date.now() + this.maxHoldMs;
    const timer = setInterval(
      () => {
        if (Date.now() > until) {
          clearInterval(timer);
          console.error(
            `queue: ${task.kind} ${task.id} held past ${Math.round(this.maxHoldMs / 1000)} s: its lease is no longer renewed`,
          );
          return;
        }
        this.claims
          .renew(task)
          .catch((err) =>
            console.error(`queue: lease renewal failed for ${task.id}: ${err instanceof Error ? err.message : err}`),
          );
      },
      Math.max(200, Math.floor(this.leaseMs / 3)),
    );
    timer.unref();
    this.held.set(`${task.kind}:${task.id}`, { task, timer });
  }

  remove(task: ClaimedTask): void {
    const k = `${task.kind}:${task.id}`;
    const h = this.held.get(k);
    if (h) clearInterval(h.timer);
    this.held.delete(k);
    if (this.held.size === 0) this.idle.splice(0).forEach((f) => f());
  }

  /** Waits up to graceMs for running tasks; hands back what is still running. Returns the number handed back. */
  async drain(graceMs: number): Promise<number> {
    if (this.held.size > 0) {
      await Promise.race([
        new Promise<void>((r) => this.idle.push(r)),
        new Promise<void>((r) => setTimeout(r, graceMs).unref()),
      ]);
    }
    const left = [...this.held.values()];
    for (const h of left) clearInterval(h.timer);
    if (left.length === 0) return 0;
    return this.claims.handBack(left.map((h) => h.task));
  }
}
