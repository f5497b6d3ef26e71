-- The ledger keeps the file's version before a write, so crash recovery compares Shopify's timestamps
-- only with Shopify's (issue 16).

-- AlterTable
ALTER TABLE "MediaLedger" ADD COLUMN "urlBefore" TEXT;

-- AlterTable
ALTER TABLE "MediaLedger" ADD COLUMN "updatedAtBefore" TEXT;

-- AlterTable
ALTER TABLE "MediaLedger" ADD COLUMN "variantIds" TEXT;
