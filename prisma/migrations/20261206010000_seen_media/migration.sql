-- Auto-processing remembers the media it has seen and what armed a pending product (issue 16).

-- AlterTable
ALTER TABLE "PendingProduct" ADD COLUMN "created" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "PendingProduct" ADD COLUMN "eventAt" TEXT;

-- CreateTable
CREATE TABLE "SeenMedia" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "mediaId" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "mediaUpdatedAt" TEXT,
    "seenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "SeenMedia_shop_mediaId_key" ON "SeenMedia"("shop", "mediaId");

-- CreateIndex
CREATE INDEX "SeenMedia_shop_productId_idx" ON "SeenMedia"("shop", "productId");

-- CreateIndex
CREATE INDEX "SeenMedia_shop_seenAt_idx" ON "SeenMedia"("shop", "seenAt");
