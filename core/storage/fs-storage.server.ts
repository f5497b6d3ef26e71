// Filesystem driver: the default (LOUPE_STORAGE_DIR, ./storage). Writes are atomic (temp + rename).
// Signed URLs point at the app's /blobs route with an HMAC over key and expiry.
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve, sep } from "node:path";
import { randomUUID } from "node:crypto";
import type { Storage } from "./storage";
import { signBlobUrl } from "./signed-url.server";

export class FsStorage implements Storage {
  readonly root: string;
  constructor(root: string, private readonly urlSecret: string | Buffer) {
    this.root = resolve(root);
  }

  private path(key: string): string {
    const p = resolve(this.root, key);
    if (!p.startsWith(this.root + sep)) throw new Error(`storage key escapes the storage folder: ${key}`);
    return p;
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const p = this.path(key);
    await mkdir(dirname(p), { recursive: true });
    const tmp = `${p}.${randomUUID()}.tmp`;
    await writeFile(tmp, bytes);
    await rename(tmp, p);
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.path(key));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw err;
    }
  }

  async has(key: string): Promise<boolean> {
    try {
      return (await stat(this.path(key))).isFile();
    } catch {
      return false;
    }
  }

  async list(prefix: string): Promise<string[]> {
    const base = this.path(prefix.endsWith("/") ? prefix + "x" : prefix);
    const dir = prefix.endsWith("/") ? dirname(base) : dirname(base);
    const out: string[] = [];
    const walk = async (d: string) => {
      let entries;
      try {
        entries = await readdir(d, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        const full = join(d, e.name);
        if (e.isDirectory()) await walk(full);
        else if (!e.name.endsWith(".tmp")) {
          const key = relative(this.root, full).split(sep).join("/");
          if (key.startsWith(prefix)) out.push(key);
        }
      }
    };
    await walk(dir);
    return out.sort();
  }

  async deletePrefix(prefix: string): Promise<number> {
    if (!prefix) throw new Error("refusing to delete the whole storage");
    const keys = await this.list(prefix);
    await Promise.all(keys.map((k) => rm(this.path(k), { force: true })));
    if (prefix.endsWith("/")) await rm(this.path(prefix.slice(0, -1)), { recursive: true, force: true });
    return keys.length;
  }

  async signedUrl(key: string, ttlSeconds = 3600): Promise<string> {
    return signBlobUrl(key, this.urlSecret, ttlSeconds);
  }
}
