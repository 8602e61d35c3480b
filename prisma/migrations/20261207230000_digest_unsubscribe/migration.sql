-- AlterEnum
ALTER TYPE "NotificationMode" ADD VALUE 'NONE';

-- AlterTable
ALTER TABLE "OutboxEmail" ADD COLUMN     "unsubscribeUrl" TEXT;
