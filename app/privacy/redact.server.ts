// shop/redact (48 hours after uninstall): delete every row and every blob of the shop.
// Loupe holds no customer data, so customers/redact and customers/data_request have nothing to do.
import prisma from "../db.server";
import { getStorage } from "../storage";

export interface RedactionResult {
  rows: number;
  blobs: number;
}

export async function redactShop(shop: string): Promise<RedactionResult> {
  if (!/^[a-z0-9][a-z0-9.-]*$/i.test(shop)) throw new Error(`refusing to redact an invalid shop name: ${shop}`);
  const where = { where: { shop } };
  const counts = await prisma.$transaction([
    prisma.imageVersion.deleteMany(where),
    prisma.imageJob.deleteMany(where),
    prisma.batch.deleteMany(where),
    prisma.retouchResult.deleteMany(where),
    prisma.mediaLedger.deleteMany(where),
    prisma.pendingProduct.deleteMany(where),
    prisma.seenMedia.deleteMany(where),
    prisma.collectionReference.deleteMany(where),
    prisma.webhookEvent.deleteMany(where),
    prisma.session.deleteMany(where),
    prisma.shop.deleteMany(where),
  ]);
  const blobs = await getStorage().deletePrefix(`${shop}/`);
  return { rows: counts.reduce((n, c) => n + c.count, 0), blobs };
}
