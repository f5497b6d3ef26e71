-- A result is keyed by everything that changes it: settings, engine version, reference, product
-- context (issue 16). Results from before get a context no new run has: they are never reused.

-- AlterTable
ALTER TABLE "RetouchResult" ADD COLUMN "contextHash" TEXT NOT NULL DEFAULT '';

-- Backfill
UPDATE "RetouchResult" SET "contextHash" = 'legacy:' || "settingsHash";

-- DropIndex
DROP INDEX "RetouchResult_shop_mediaId_sourceSha256_settingsHash_key";

-- CreateIndex
CREATE UNIQUE INDEX "RetouchResult_shop_mediaId_sourceSha256_contextHash_key" ON "RetouchResult"("shop", "mediaId", "sourceSha256", "contextHash");
