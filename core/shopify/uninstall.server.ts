// After app/uninstalled: the shop's queued and in-flight work stops, its sessions go (the token no
// longer works anyway), and the Shop row remembers when. Data stays until shop/redact.
import { cancelShopJobs } from "../batches/service.server";
import { db } from "../db.server";
import { forgetOfflineSession } from "./admin-client.server";
import { resetAdminLanes } from "./graphql-client.server";

export async function handleUninstall(shop: string): Promise<void> {
  await cancelShopJobs(shop);
  await db().imageJob.updateMany({
    where: { shop, state: "processing" },
    data: { state: "failed", lastError: "The app was uninstalled." },
  });
  await db().pendingProduct.deleteMany({ where: { shop } });
  await db().session.deleteMany({ where: { shop } });
  await db().shop.updateMany({ where: { shop }, data: { uninstalledAt: new Date() } });
  forgetOfflineSession(shop);
  resetAdminLanes(shop);
}
