// The whole auto-processing stack under the `publish` policy, for the end-to-end files: the fake Shopify
// (HTTP, signed webhooks), the app's webhook routes, the in-process worker on a controllable JPEG engine,
// and the auto-processor with short retry delays.
import type { PrismaClient } from "@prisma/client";
import { SHOP, startHarness, type Harness } from "../shopify/harness";
import { forgetProcessPrisma } from "./harness";
import { serveProductWebhooks } from "./webhook-app";
import type { jpegEngine } from "./jpeg-engine";
import type { AutoProcessor } from "../../../core/autoprocess/scheduler.server";

export interface PublishStack {
  h: Harness;
  prisma: PrismaClient;
  processor: AutoProcessor;
  close(): Promise<void>;
}

export async function startPublishStack(
  engine: ReturnType<typeof jpegEngine>,
  concurrency: number,
): Promise<PublishStack> {
  await forgetProcessPrisma();
  const h = await startHarness({ autoWebhooks: true, seed: "empty" });
  const app = await serveProductWebhooks(h.port);
  await h.install();
  const prisma = (await import("../../../core/db.server")).db();
  const { startWorker } = await import("../../../workers/main");
  const worker = await startWorker({ inProcess: true, concurrency, pollMs: 50, deps: { engine } });
  const { createAutoProcessor } = await import("../../../core/autoprocess/scheduler.server");
  const { defaultAutoDeps } = await import("../../../core/autoprocess/deps.server");
  const { autoOptions } = await import("../../../core/autoprocess/options");
  const processor = createAutoProcessor(defaultAutoDeps(), autoOptions({ retryDelaysMs: [300, 300, 300, 300, 300] }));
  await prisma.shop.upsert({
    where: { shop: SHOP },
    create: { shop: SHOP, autoPolicy: "publish" },
    update: { autoPolicy: "publish" },
  });
  return {
    h,
    prisma,
    processor,
    async close() {
      await worker.close();
      await app.close();
      await forgetProcessPrisma();
      await h.close();
    },
  };
}
