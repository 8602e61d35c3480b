-- AlterEnum
ALTER TYPE "TokenPurpose" ADD VALUE 'ACCOUNT_INVITATION';

-- AlterTable
ALTER TABLE "Call" ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "Dossier" ADD COLUMN     "purgeNoticeSentAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "RuleSet" ADD COLUMN     "deliberation" TEXT,
ADD COLUMN     "publishedById" TEXT,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "Territory" ADD COLUMN     "active" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "PortalSettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "retentionMonths" INTEGER NOT NULL DEFAULT 60,
    "purgeNoticeDays" INTEGER NOT NULL DEFAULT 30,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedById" TEXT,

    CONSTRAINT "PortalSettings_pkey" PRIMARY KEY ("id")
);

-- AddForeignKey
ALTER TABLE "RuleSet" ADD CONSTRAINT "RuleSet_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PortalSettings" ADD CONSTRAINT "PortalSettings_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The settings are one row.
ALTER TABLE "PortalSettings" ADD CONSTRAINT "PortalSettings_single_row" CHECK ("id" = 1);
