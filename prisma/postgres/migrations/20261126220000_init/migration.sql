-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "isOnline" BOOLEAN NOT NULL DEFAULT false,
    "scope" TEXT,
    "expires" TIMESTAMP(3),
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
    "refreshTokenExpires" TIMESTAMP(3),

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Shop" (
    "shop" TEXT NOT NULL,
    "settings" TEXT NOT NULL DEFAULT '{}',
    "autoPolicy" TEXT NOT NULL DEFAULT 'hold',
    "dailyCap" INTEGER NOT NULL DEFAULT 500,
    "installedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "uninstalledAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Shop_pkey" PRIMARY KEY ("shop")
);

-- CreateTable
CREATE TABLE "CollectionReference" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "collectionId" TEXT NOT NULL,
    "productId" TEXT,
    "mediaId" TEXT,
    "blobKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CollectionReference_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Batch" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Batch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImageJob" (
    "id" TEXT NOT NULL,
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
    "runAfter" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "processedBy" TEXT,
    "resultId" TEXT,
    "warningCount" INTEGER NOT NULL DEFAULT 0,
    "warnings" TEXT NOT NULL DEFAULT '[]',
    "autoPublish" BOOLEAN NOT NULL DEFAULT false,
    "publishedSha" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ImageJob_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RetouchResult" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RetouchResult_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MediaLedger" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "writtenAt" TIMESTAMP(3),

    CONSTRAINT "MediaLedger_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookEvent" (
    "eventId" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookEvent_pkey" PRIMARY KEY ("eventId")
);

-- CreateTable
CREATE TABLE "PendingProduct" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PendingProduct_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "ImageJob" ADD CONSTRAINT "ImageJob_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "Batch"("id") ON DELETE CASCADE ON UPDATE CASCADE;
