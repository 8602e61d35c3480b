-- AlterTable
ALTER TABLE "FunderPledge" ADD COLUMN     "sharedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "FunderSavedFilter" ADD COLUMN     "lastDigestAt" TIMESTAMP(3),
ADD COLUMN     "weeklyDigest" BOOLEAN NOT NULL DEFAULT true;
