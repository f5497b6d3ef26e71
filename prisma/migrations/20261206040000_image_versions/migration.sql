-- AlterTable
ALTER TABLE "ImageJob" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "ImageJob" ADD COLUMN "edits" TEXT;

-- CreateTable
CREATE TABLE "ImageVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "imageId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "settingsHash" TEXT NOT NULL,
    "edits" TEXT,
    "resultId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "ImageVersion_imageId_version_key" ON "ImageVersion"("imageId", "version");

-- CreateIndex
CREATE INDEX "ImageVersion_shop_imageId_idx" ON "ImageVersion"("shop", "imageId");
