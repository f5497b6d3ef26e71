// A shop's auto-processing policy and daily cap, from its Shop row (defaults when it has none).
import { db } from "../db.server";
import { DEFAULT_SETTINGS, type AutoPolicy } from "../settings/settings";

export interface ShopAutoPolicy {
  shop: string;
  policy: AutoPolicy;
  dailyCap: number;
  /** False once the app is uninstalled: its pending products are dropped. */
  installed: boolean;
}

export function toAutoPolicy(raw: string | null | undefined): AutoPolicy {
  return raw === "off" || raw === "publish" || raw === "hold" ? raw : DEFAULT_SETTINGS.autoPolicy;
}

export async function loadShopPolicies(shops: string[]): Promise<Map<string, ShopAutoPolicy>> {
  const rows = await db().shop.findMany({ where: { shop: { in: shops } } });
  const byShop = new Map(rows.map((r) => [r.shop, r]));
  return new Map(
    shops.map((shop) => {
      const r = byShop.get(shop);
      return [
        shop,
        {
          shop,
          policy: toAutoPolicy(r?.autoPolicy),
          dailyCap: r && Number.isInteger(r.dailyCap) && r.dailyCap >= 0 ? r.dailyCap : DEFAULT_SETTINGS.dailyCap,
          installed: !r?.uninstalledAt,
        },
      ];
    }),
  );
}
