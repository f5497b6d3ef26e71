// A metering proxy in front of the fake Shopify: workers are pointed at it (LOUPE_FAKE_SHOPIFY), it
// forwards everything, and for Admin GraphQL calls reads the operation name from the request and
// `extensions.cost` from the response — the query cost Shopify charges, throttled calls, and every
// write per media id (to prove nothing was published twice). Independent of the fake's internals.
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface OperationStats {
  calls: number;
  throttled: number;
  cost: number;
}

export interface CostMeter {
  url: string;
  /** Per shop, per operation name. */
  byShop: Map<string, Map<string, OperationStats>>;
  /** MediaImage id → number of successful fileUpdate/replace calls naming it. */
  writesByMedia: Map<string, number>;
  /** Latest throttleStatus seen per shop. */
  bucket: Map<string, { maximumAvailable: number; restoreRate: number }>;
  close(): Promise<void>;
}

const WRITE_OPS = /^(ReplaceImage|AddProductMedia)$/;

export async function startCostMeter(target: string): Promise<CostMeter> {
  const upstream = new URL(target);
  const byShop = new Map<string, Map<string, OperationStats>>();
  const writesByMedia = new Map<string, number>();
  const bucket = new Map<string, { maximumAvailable: number; restoreRate: number }>();

  const record = (shop: string, op: string, reqBody: string, resBody: string) => {
    let parsed: {
      data?: unknown;
      errors?: Array<{ extensions?: { code?: string } }>;
      extensions?: {
        cost?: { actualQueryCost?: number | null; throttleStatus?: { maximumAvailable: number; restoreRate: number } };
      };
    };
    try {
      parsed = JSON.parse(resBody) as typeof parsed;
    } catch {
      return;
    }
    const ops = byShop.get(shop) ?? new Map<string, OperationStats>();
    byShop.set(shop, ops);
    const s = ops.get(op) ?? { calls: 0, throttled: 0, cost: 0 };
    ops.set(op, s);
    s.calls++;
    const cost = parsed.extensions?.cost;
    if (cost?.throttleStatus)
      bucket.set(shop, {
        maximumAvailable: cost.throttleStatus.maximumAvailable,
        restoreRate: cost.throttleStatus.restoreRate,
      });
    if (parsed.errors?.some((e) => e.extensions?.code === "THROTTLED")) {
      s.throttled++;
      return;
    }
    s.cost += cost?.actualQueryCost ?? 0;
    if (WRITE_OPS.test(op) && parsed.data && !parsed.errors?.length) {
      for (const id of new Set(reqBody.match(/gid:\/\/shopify\/MediaImage\/\d+/g) ?? []))
        writesByMedia.set(id, (writesByMedia.get(id) ?? 0) + 1);
    }
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const gql = /^\/_host\/([^/]+\.myshopify\.com)\/admin\/api\/[^/]+\/graphql\.json/.exec(req.url ?? "");
      const up = httpRequest(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: upstream.host },
        },
        (upRes) => {
          res.writeHead(upRes.statusCode ?? 502, upRes.headers);
          if (!gql) return void upRes.pipe(res);
          const out: Buffer[] = [];
          upRes.on("data", (c: Buffer) => {
            out.push(c);
            res.write(c);
          });
          upRes.on("end", () => {
            res.end();
            const text = body.toString();
            let op = "(anonymous)";
            try {
              const q = (JSON.parse(text) as { query?: string }).query ?? "";
              op = /\b(?:query|mutation)\s+(\w+)/.exec(q)?.[1] ?? op;
            } catch {
              /* not JSON */
            }
            record(gql[1]!, op, text, Buffer.concat(out).toString());
          });
        },
      );
      up.on("error", (err) => {
        res.writeHead(502);
        res.end(String(err));
      });
      up.end(body);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    byShop,
    writesByMedia,
    bucket,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

export function totals(ops: Map<string, OperationStats> | undefined): OperationStats {
  const t = { calls: 0, throttled: 0, cost: 0 };
  for (const s of ops?.values() ?? []) {
    t.calls += s.calls;
    t.throttled += s.throttled;
    t.cost += s.cost;
  }
  return t;
}
