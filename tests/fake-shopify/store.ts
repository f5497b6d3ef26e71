// The fake Shopify's state: shops with products, collections, files (MediaImage), staged uploads,
// access tokens, bulk operations, jobs, injected faults, and a log of every GraphQL operation.
// Plain data (JSON-serializable, blobs as base64 when saved) so the fake can be persisted and restarted.
import { createHash, randomBytes } from "node:crypto";
import { readFileSync, writeFileSync, existsSync, renameSync } from "node:fs";

export type MediaStatus = "UPLOADED" | "PROCESSING" | "READY" | "FAILED";

export interface FakeFile {
  id: string; // gid://shopify/MediaImage/<n>
  shop: string;
  alt: string;
  mimeType: string;
  width: number;
  height: number;
  blobSha: string; // current bytes
  version: number; // bumps on every replace; appears as ?v= in the URL
  filename: string;
  status: MediaStatus;
  /** A replace in progress: bytes become current at readyAt, unless it fails. */
  pending: null | {
    blobSha: string;
    mimeType: string;
    width: number;
    height: number;
    filename: string;
    readyAt: number;
    fail: boolean;
    /** Until then reads still show the file as it was (READY, old URL and updatedAt): Shopify's lag after fileUpdate. */
    staleUntil?: number;
    staleUpdatedAt?: string;
  };
  errors: Array<{ code: string; message: string }>;
  productIds: string[]; // references
  createdAt: string;
  updatedAt: string;
}

export interface FakeVariant {
  id: string;
  title: string;
  price: string;
  mediaIds: string[];
}

export interface FakeProduct {
  id: string;
  shop: string;
  title: string;
  handle: string;
  tags: string[];
  productType: string;
  vendor: string;
  mediaIds: string[]; // in position order
  variants: FakeVariant[];
  createdAt: string;
  updatedAt: string;
}

export interface FakeCollection {
  id: string;
  shop: string;
  title: string;
  handle: string;
  productIds: string[];
}

export interface FakeToken {
  token: string;
  shop: string;
  kind: "offline" | "online";
  scope: string;
  expiresAt: number | null; // ms epoch
  refreshToken: string | null;
  refreshExpiresAt: number | null;
  revoked: boolean;
}

export interface FakeBulk {
  id: string;
  shop: string;
  status: "CREATED" | "RUNNING" | "COMPLETED" | "FAILED";
  query: string;
  resultKey: string | null;
  objectCount: number;
  rootObjectCount: number;
  createdAt: string;
  completedAt: string | null;
  readyAt: number;
}

export interface StagedMeta {
  sha: string | null; // null until the multipart POST arrives
  mimeType: string;
  filename: string;
  width: number;
  height: number;
}

export interface FakeJob {
  id: string;
  doneAt: number;
}

export type FaultKind = "THROTTLED" | "HTTP_500" | "HTTP_502" | "HTTP_429" | "PROCESSING_FAILED" | "UPLOAD_500";

export interface Fault {
  kind: FaultKind;
  /** Operation name it applies to (GraphQL faults), or any when absent. */
  operation?: string;
  /** How many times it fires. */
  times: number;
}

export interface LogEntry {
  operation: string;
  at: string;
  shop: string;
  status: number;
  throttled?: boolean;
  fault?: string;
  errors?: string[];
}

export interface BucketState {
  maximumAvailable: number;
  restoreRate: number;
  currentlyAvailable: number;
  at: number;
}

export interface StoreData {
  seq: number;
  files: Record<string, FakeFile>;
  products: Record<string, FakeProduct>;
  collections: Record<string, FakeCollection>;
  tokens: Record<string, FakeToken>;
  bulk: Record<string, FakeBulk>;
  jobs: Record<string, FakeJob>;
  staged: Record<string, StagedMeta>; // staged key → what was uploaded there
  installedShops: string[];
  log: LogEntry[];
}

export interface StoreSettings {
  processingMs: number;
  /** After fileUpdate, reads keep showing the old READY file this long (capped at half the processing). */
  staleReadMs: number;
  tokenTtlSec: number;
  refreshTtlSec: number;
  bucket: { maximumAvailable: number; restoreRate: number };
}

/** Shopify's product-image limits (MediaErrorCode): PNG/GIF/JPEG/WebP/HEIC, at most 20 megapixels. */
export const MAX_IMAGE_PIXELS = 20_000_000;
const IMAGE_TYPES = new Set(["image/jpeg", "image/png", "image/gif", "image/webp", "image/heic"]);

export function refusedImage(p: {
  mimeType: string;
  width: number;
  height: number;
}): { code: string; message: string } | null {
  if (!IMAGE_TYPES.has(p.mimeType))
    return { code: "UNSUPPORTED_IMAGE_FILE_TYPE", message: `Image file type ${p.mimeType} is not supported.` };
  if (p.width * p.height > MAX_IMAGE_PIXELS)
    return { code: "INVALID_IMAGE_RESOLUTION", message: "Image resolution is larger than 20 megapixels." };
  return null;
}

export class FakeStore {
  data: StoreData = {
    seq: 1000,
    files: {},
    products: {},
    collections: {},
    tokens: {},
    bulk: {},
    jobs: {},
    staged: {},
    installedShops: [],
    log: [],
  };
  blobs = new Map<string, Buffer>();
  faults: Fault[] = [];
  buckets = new Map<string, BucketState>();
  /** Points each shop's answered requests cost (the fake's meter; not persisted). */
  spent = new Map<string, number>();
  settings: StoreSettings = {
    processingMs: 300,
    staleReadMs: 100,
    tokenTtlSec: 3600,
    refreshTtlSec: 30 * 24 * 3600,
    bucket: { maximumAvailable: 2000, restoreRate: 100 },
  };
  /** Called when a product's media changed (a write finished): the server sends products/update. */
  onProductChanged: (shop: string, productId: string) => void = () => undefined;
  /** Called when a bulk operation completes: the server sends bulk_operations/finish. */
  onBulkFinished: (shop: string, bulkId: string) => void = () => undefined;
  private saveTimer: NodeJS.Timeout | null = null;

  constructor(readonly statePath?: string) {}

  nextId(kind: string): string {
    this.data.seq += 1;
    return `gid://shopify/${kind}/${this.data.seq}`;
  }

  putBlob(bytes: Buffer): string {
    const sha = createHash("sha256").update(bytes).digest("hex");
    this.blobs.set(sha, bytes);
    return sha;
  }

  blob(sha: string): Buffer | undefined {
    return this.blobs.get(sha);
  }

  /** Applies time-based transitions (processing → READY/FAILED, bulk ops finishing). */
  settle(now = Date.now()): void {
    for (const f of Object.values(this.data.files)) {
      if (!f.pending || now < f.pending.readyAt) continue;
      const p = f.pending;
      f.pending = null;
      const refused = refusedImage(p);
      if (p.fail || refused) {
        f.status = "FAILED";
        f.errors = [refused ?? { code: "IMAGE_PROCESSING_FAILURE", message: "Image processing failed." }];
      } else {
        f.blobSha = p.blobSha;
        f.mimeType = p.mimeType;
        f.width = p.width;
        f.height = p.height;
        f.filename = p.filename;
        f.version += 1;
        f.status = "READY";
        f.errors = [];
      }
      f.updatedAt = new Date(p.readyAt).toISOString();
      for (const pid of f.productIds) {
        const prod = this.data.products[pid];
        if (prod) prod.updatedAt = f.updatedAt;
        this.onProductChanged(f.shop, pid);
      }
      this.markDirty();
    }
    for (const b of Object.values(this.data.bulk)) {
      if (b.status === "RUNNING" && now >= b.readyAt) {
        b.status = "COMPLETED";
        b.completedAt = new Date(b.readyAt).toISOString();
        this.onBulkFinished(b.shop, b.id);
        this.markDirty();
      }
    }
  }

  cdnUrl(f: FakeFile): string {
    const n = f.id.split("/").pop();
    return `https://cdn.shopify.com/s/files/1/0000/${n}/files/${encodeURIComponent(f.filename)}?v=${f.version}`;
  }

  fileByCdnPath(pathname: string): FakeFile | undefined {
    const m = /^\/s\/files\/1\/0000\/(\d+)\/files\//.exec(pathname);
    return m ? this.data.files[`gid://shopify/MediaImage/${m[1]}`] : undefined;
  }

  /** Takes one matching fault, if any. */
  takeFault(kinds: FaultKind[], operation?: string): Fault | null {
    const i = this.faults.findIndex((f) => kinds.includes(f.kind) && (!f.operation || f.operation === operation));
    if (i < 0) return null;
    const f = this.faults[i]!;
    f.times -= 1;
    if (f.times <= 0) this.faults.splice(i, 1);
    return { ...f };
  }

  issueToken(shop: string, kind: "offline" | "online", scope: string, expiring: boolean): FakeToken {
    const t: FakeToken = {
      token: `shpat_${randomBytes(16).toString("hex")}`,
      shop,
      kind,
      scope,
      expiresAt: expiring || kind === "online" ? Date.now() + this.settings.tokenTtlSec * 1000 : null,
      refreshToken: expiring && kind === "offline" ? `shprt_${randomBytes(16).toString("hex")}` : null,
      refreshExpiresAt: expiring && kind === "offline" ? Date.now() + this.settings.refreshTtlSec * 1000 : null,
      revoked: false,
    };
    this.data.tokens[t.token] = t;
    this.markDirty();
    return t;
  }

  /** The merchant installs the app (grants its scopes): only then does token exchange work for the shop. */
  install(shop: string): void {
    if (!this.data.installedShops.includes(shop)) this.data.installedShops.push(shop);
    this.markDirty();
  }

  /** The merchant uninstalls the app: its tokens stop working and token exchange is refused. */
  uninstall(shop: string): void {
    this.data.installedShops = this.data.installedShops.filter((s) => s !== shop);
    for (const t of Object.values(this.data.tokens)) if (t.shop === shop) t.revoked = true;
    this.markDirty();
  }

  isInstalled(shop: string): boolean {
    return this.data.installedShops.includes(shop);
  }

  validToken(shop: string, token: string | null): FakeToken | null {
    if (!token) return null;
    const t = this.data.tokens[token];
    if (!t || t.revoked || t.shop !== shop) return null;
    if (t.expiresAt !== null && t.expiresAt < Date.now()) return null;
    return t;
  }

  /** Removes everything of a shop (uninstall in the fake is only token revocation; this is for tests). */
  productsOf(shop: string): FakeProduct[] {
    return Object.values(this.data.products).filter((p) => p.shop === shop);
  }

  log(e: LogEntry): void {
    this.data.log.push(e);
    if (this.data.log.length > 5000) this.data.log.splice(0, this.data.log.length - 5000);
  }

  markDirty(): void {
    if (!this.statePath || this.saveTimer) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      this.save();
    }, 50);
    this.saveTimer.unref?.();
  }

  save(): void {
    if (!this.statePath) return;
    const blobs: Record<string, string> = {};
    for (const [k, v] of this.blobs) blobs[k] = v.toString("base64");
    const tmp = `${this.statePath}.tmp`;
    writeFileSync(tmp, JSON.stringify({ data: this.data, blobs, settings: this.settings }));
    renameSync(tmp, this.statePath);
  }

  /** Loads a saved state; returns false when there is none. */
  load(): boolean {
    if (!this.statePath || !existsSync(this.statePath)) return false;
    const raw = JSON.parse(readFileSync(this.statePath, "utf8")) as {
      data: StoreData;
      blobs: Record<string, string>;
      settings?: StoreSettings;
    };
    this.data = raw.data;
    this.blobs = new Map(Object.entries(raw.blobs).map(([k, v]) => [k, Buffer.from(v, "base64")]));
    if (raw.settings) this.settings = raw.settings;
    return true;
  }

  flush(): void {
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      this.saveTimer = null;
    }
    this.save();
  }
}
