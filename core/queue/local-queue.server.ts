// local driver: p-queue inside the worker process, rows claimed from the database. Idle workers poll
// (retries that came due, other processes' enqueues, crashed workers' expired leases); enqueues in
// this process wake them at once.
import type { PrismaClient } from "@prisma/client";
import PQueue from "p-queue";
import { Claims } from "./claims.server";
import type { ClaimedTask, JobQueue, QueueOptions, TaskRef, TaskRunner } from "./job-queue";
import { LocalProducer } from "./producer.server";
import { wakeEmitter } from "./wake.server";
import { TaskTracker } from "./tracker.server";

export class LocalQueue implements JobQueue {
  readonly driver = "local" as const;
  private readonly producer = new LocalProducer();
  private readonly claims: Claims;
  private readonly tracker: TaskTracker;
  private pq: PQueue | null = null;
  private stopped = false;
  private lastShop: string | null = null;
  private filling: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private readonly onWake = () => this.fill();

  constructor(
    db: PrismaClient,
    private readonly opts: QueueOptions,
  ) {
    this.claims = new Claims(db, opts.workerId, opts.leaseMs);
    this.tracker = new TaskTracker(this.claims, opts.leaseMs, opts.maxHoldMs);
  }

  get running(): number {
    return this.tracker.size;
  }

  enqueue(tasks: TaskRef[]): Promise<void> {
    return this.producer.enqueue(tasks);
  }

  async start(run: TaskRunner): Promise<void> {
    this.pq = new PQueue({ concurrency: this.opts.concurrency });
    this.run = run;
    wakeEmitter().on("wake", this.onWake);
    this.tick();
  }

  private run: TaskRunner = async () => {};

  private tick() {
    if (this.stopped) return;
    this.fill();
    this.timer = setTimeout(() => this.tick(), this.opts.pollMs);
    this.timer.unref();
  }

  /** Claims rows while there are free slots; one fill at a time (a wake during a fill runs another). */
  private fill(): void {
    if (this.stopped || !this.pq) return;
    if (this.filling) {
      this.again = true;
      return;
    }
    this.filling = (async () => {
      await Promise.resolve(); // the body must not finish before `this.filling` is assigned
      try {
        do {
          this.again = false;
          while (!this.stopped && this.tracker.size < this.opts.concurrency) {
            const task = await this.claims.claimNext(this.lastShop);
            if (!task) break;
            if (task.kind === "retouch" || task.kind === "publish") this.lastShop = task.shop;
            this.dispatch(task);
          }
        } while (this.again && !this.stopped);
      } catch (err) {
        console.error(`queue: could not claim work: ${err instanceof Error ? err.message : err}`);
      } finally {
        this.filling = null;
      }
    })();
  }

  private dispatch(task: ClaimedTask) {
    this.tracker.add(task);
    void this.pq!.add(async () => {
      try {
        await this.run(task);
      } catch (err) {
        console.error(`queue: ${task.kind} ${task.id} crashed: ${err instanceof Error ? err.stack : err}`);
      } finally {
        this.tracker.remove(task);
        this.fill();
      }
    });
  }

  async close(opts: { graceMs?: number } = {}): Promise<void> {
    this.stopped = true;
    wakeEmitter().off("wake", this.onWake);
    if (this.timer) clearTimeout(this.timer);
    await this.filling;
    await this.tracker.drain(opts.graceMs ?? 30_000);
    this.pq?.clear();
  }
}
