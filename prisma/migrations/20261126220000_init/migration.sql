-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "isOnline" BOOLEAN NOT NULL DEFAULT false,
    "scope" TEXT,
    "expires" DATETIME,
    "accessToken" TEXT NOT NULL,
    "userId" BIGINT,
    "firstName" TEXT,
    "lastName" TEXT,
    "email" TEXT,
    "accountOwner" BOOLEAN NOT NULL DEFAULT false,
    "locale" TEXT,
    "collaborator" BOOLEAN DEFAULT false,
    "emailVerified" BOOLEAN DEFAULT false,
    "refreshToken" TEXT,
    "refreshTokenExpires" DATETIME
);

-- CreateTable
CREATE TABLE "Shop" (
    "shop" TEXT NOT NULL PRIMARY KEY,
    "settings" TEXT NOT NULL DEFAULT '{}',
    "autoPolicy" TEXT NOT NULL DEFAULT 'hold',
    "dailyCap" INTEGER NOT NULL DEFAULT 500,
    "installedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "uninstalledAt" DATETIME,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "CollectionReference" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "collectionId" TEXT NOT NULL,
    "productId" TEXT,
    "mediaId" TEXT,
    "blobKey" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Batch" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "collectionId" TEXT,
    "title" TEXT NOT NULL DEFAULT '',
    "productIds" TEXT NOT NULL DEFAULT '[]',
    "settings" TEXT NOT NULL DEFAULT '{}',
    "settingsHash" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pulling',
    "total" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ImageJob" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "batchId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "productTitle" TEXT NOT NULL DEFAULT '',
    "mediaId" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "alt" TEXT,
    "sourceUrl" TEXT,
    "sourceSha256" TEXT,
    "sourceKey" TEXT,
    "settingsHash" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "runAfter" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseUntil" DATETIME,
    "lastError" TEXT,
    "processedBy" TEXT,
    "resultId" TEXT,
    "warningCount" INTEGER NOT NULL DEFAULT 0,
    "warnings" TEXT NOT NULL DEFAULT '[]',
    "autoPublish" BOOLEAN NOT NULL DEFAULT false,
    "publishedSha" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ImageJob_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "Batch" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RetouchResult" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "mediaId" TEXT NOT NULL,
    "sourceSha256" TEXT NOT NULL,
    "settingsHash" TEXT NOT NULL,
    "compositeKey" TEXT NOT NULL,
    "cutoutKey" TEXT NOT NULL,
    "thumbKey" TEXT NOT NULL,
    "reportKey" TEXT NOT NULL,
    "compositeSha" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "MediaLedger" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "mediaId" TEXT NOT NULL,
    "jobId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "previousSha" TEXT,
    "state" TEXT NOT NULL DEFAULT 'intent',
    "urlAfterWrite" TEXT,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "writtenAt" DATETIME
);

-- CreateTable
CREATE TABLE "WebhookEvent" (
    "eventId" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "PendingProduct" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "Session_shop_idx" ON "Session"("shop");

-- CreateIndex
CREATE UNIQUE INDEX "CollectionReference_shop_collectionId_key" ON "CollectionReference"("shop", "collectionId");

-- CreateIndex
CREATE INDEX "Batch_shop_createdAt_idx" ON "Batch"("shop", "createdAt");

-- CreateIndex
CREATE INDEX "ImageJob_state_runAfter_idx" ON "ImageJob"("state", "runAfter");

-- CreateIndex
CREATE INDEX "ImageJob_shop_state_idx" ON "ImageJob"("shop", "state");

-- CreateIndex
CREATE INDEX "ImageJob_shop_mediaId_idx" ON "ImageJob"("shop", "mediaId");

-- CreateIndex
CREATE UNIQUE INDEX "ImageJob_batchId_mediaId_key" ON "ImageJob"("batchId", "mediaId");

-- CreateIndex
CREATE UNIQUE INDEX "RetouchResult_shop_mediaId_sourceSha256_settingsHash_key" ON "RetouchResult"("shop", "mediaId", "sourceSha256", "settingsHash");

-- CreateIndex
CREATE INDEX "MediaLedger_shop_mediaId_idx" ON "MediaLedger"("shop", "mediaId");

-- CreateIndex
CREATE UNIQUE INDEX "MediaLedger_jobId_kind_sha256_key" ON "MediaLedger"("jobId", "kind", "sha256");

-- CreateIndex
CREATE INDEX "WebhookEvent_shop_idx" ON "WebhookEvent"("shop");

-- CreateIndex
CREATE INDEX "PendingProduct_dueAt_idx" ON "PendingProduct"("dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "PendingProduct_shop_productId_key" ON "PendingProduct"("shop", "productId");
