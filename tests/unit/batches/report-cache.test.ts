// Parsed reports are kept by their content-addressed key: polling a batch reads each report once.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readReport } from "../../../core/batches/report-cache.server";
import { FsStorage } from "../../../core/storage/fs-storage.server";

function countingStorage() {
  const fs = new FsStorage(mkdtempSync(join(tmpdir(), "loupe-report-cache-")), "secret");
  const gets: string[] = [];
  const storage = Object.assign(Object.create(fs) as FsStorage, {
    get: (key: string) => {
      gets.push(key);
      return fs.get(key);
    },
  });
  return { fs, storage, gets };
}

describe("report cache", () => {
  it("reads a report from storage once, then answers from memory", async () => {
    const { fs, storage, gets } = countingStorage();
    const key = `a.myshopify.com/report/${"1".repeat(64)}.json`;
    await fs.put(key, Buffer.from(JSON.stringify({ gains: { exposure: 1.2 } })));
    expect(await readReport(storage, key)).toEqual({ gains: { exposure: 1.2 } });
    expect(await readReport(storage, key)).toEqual({ gains: { exposure: 1.2 } });
    expect(gets).toEqual([key]);
  });

  it("does not remember a missing report, so it is found once it is stored", async () => {
    const { fs, storage, gets } = countingStorage();
    const key = `a.myshopify.com/report/${"2".repeat(64)}.json`;
    expect(await readReport(storage, key)).toBeNull();
    await fs.put(key, Buffer.from(JSON.stringify({ ok: true })));
    expect(await readReport(storage, key)).toEqual({ ok: true });
    expect(gets).toEqual([key, key]);
  });
});
