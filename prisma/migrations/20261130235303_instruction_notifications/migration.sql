-- CreateEnum
CREATE TYPE "NotificationMode" AS ENUM ('IMMEDIATE', 'DAILY_DIGEST');

-- AlterEnum
ALTER TYPE "DocumentKind" ADD VALUE 'PAYMENT_SCHEDULE';

-- AlterEnum
ALTER TYPE "DossierEventKind" ADD VALUE 'AGENDA';

-- AlterTable
ALTER TABLE "CommissionSession" ADD COLUMN     "decidedAt" TIMESTAMP(3),
ADD COLUMN     "decidedById" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "notificationMode" "NotificationMode" NOT NULL DEFAULT 'IMMEDIATE';

-- CreateTable
CREATE TABLE "DigestItem" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "dossierId" TEXT,
    "line" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "DigestItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DigestItem_userId_sentAt_idx" ON "DigestItem"("userId", "sentAt");

-- CreateIndex
CREATE INDEX "DigestItem_sentAt_createdAt_idx" ON "DigestItem"("sentAt", "createdAt");

-- AddForeignKey
ALTER TABLE "DigestItem" ADD CONSTRAINT "DigestItem_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
