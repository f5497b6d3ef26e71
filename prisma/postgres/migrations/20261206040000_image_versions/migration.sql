-- AlterTable
ALTER TABLE "ImageJob" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN "edits" TEXT;

-- CreateTable
CREATE TABLE "ImageVersion" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "imageId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "settingsHash" TEXT NOT NULL,
    "edits" TEXT,
    "resultId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ImageVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ImageVersion_imageId_version_key" ON "ImageVersion"("imageId", "version");

-- CreateIndex
CREATE INDEX "ImageVersion_shop_imageId_idx" ON "ImageVersion"("shop", "imageId");
