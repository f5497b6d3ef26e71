-- A result is keyed by everything that changes it: engine version, reference, product context (issue 16).

-- AlterTable
ALTER TABLE "RetouchResult" ADD COLUMN "contextHash" TEXT NOT NULL DEFAULT '';

-- DropIndex
DROP INDEX "RetouchResult_shop_mediaId_sourceSha256_settingsHash_key";

-- CreateIndex
CREATE UNIQUE INDEX "RetouchResult_shop_mediaId_sourceSha256_settingsHash_contextHash_key" ON "RetouchResult"("shop", "mediaId", "sourceSha256", "settingsHash", "contextHash");
