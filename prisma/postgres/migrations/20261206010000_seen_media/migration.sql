-- Auto-processing remembers the media it has seen and what armed a pending product (issue 16).

-- AlterTable
ALTER TABLE "PendingProduct" ADD COLUMN "created" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "PendingProduct" ADD COLUMN "eventAt" TEXT;

-- CreateTable
CREATE TABLE "SeenMedia" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "mediaId" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "mediaUpdatedAt" TEXT,
    "seenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SeenMedia_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SeenMedia_shop_mediaId_key" ON "SeenMedia"("shop", "mediaId");

-- CreateIndex
CREATE INDEX "SeenMedia_shop_productId_idx" ON "SeenMedia"("shop", "productId");

-- CreateIndex
CREATE INDEX "SeenMedia_shop_seenAt_idx" ON "SeenMedia"("shop", "seenAt");
