// shop/redact (48 hours after uninstall): delete every row and every blob of the shop.
// Loupe holds no customer data, so customers/redact and customers/data_request have nothing to do.
import { db } from "../db.server";
import { getStorage } from "../storage";

export interface RedactionResult {
  rows: number;
  blobs: number;
}

export async function redactShop(shop: string): Promise<RedactionResult> {
  if (!/^[a-z0-9][a-z0-9.-]*$/i.test(shop)) throw new Error(`refusing to redact an invalid shop name: ${shop}`);
  const where = { where: { shop } };
  const client = db();
  const counts = await client.$transaction([
    client.imageJob.deleteMany(where),
    client.batch.deleteMany(where),
    client.retouchResult.deleteMany(where),
    client.mediaLedger.deleteMany(where),
    client.pendingProduct.deleteMany(where),
    client.seenMedia.deleteMany(where),
    client.collectionReference.deleteMany(where),
    client.webhookEvent.deleteMany(where),
    client.session.deleteMany(where),
    client.shop.deleteMany(where),
  ]);
  const blobs = await getStorage().deletePrefix(`${shop}/`);
  return { rows: counts.reduce((n, c) => n + c.count, 0), blobs };
}
