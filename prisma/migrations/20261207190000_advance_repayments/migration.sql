-- CreateEnum
CREATE TYPE "AdvanceScheduleOrigin" AS ENUM ('PAYMENT', 'EARLY_REPAYMENT', 'RESCHEDULING');

-- CreateEnum
CREATE TYPE "AdvanceReminderKind" AS ENUM ('BEFORE', 'ON_DAY', 'FORMAL');

-- CreateEnum
CREATE TYPE "ReschedulingStatus" AS ENUM ('REQUESTED', 'GRANTED', 'REFUSED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "DocumentKind" ADD VALUE 'ADVANCE_AMENDMENT';
ALTER TYPE "DocumentKind" ADD VALUE 'ADVANCE_REMINDER_LETTER';
ALTER TYPE "DocumentKind" ADD VALUE 'REPAYMENT_CERTIFICATE';

-- AlterTable
ALTER TABLE "Attachment" ADD COLUMN     "reschedulingId" TEXT;

-- CreateTable
CREATE TABLE "AdvanceSchedule" (
    "id" TEXT NOT NULL,
    "dossierId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "origin" "AdvanceScheduleOrigin" NOT NULL,
    "replacedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AdvanceSchedule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AdvanceInstalment" (
    "id" TEXT NOT NULL,
    "scheduleId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "dueDate" TIMESTAMP(3) NOT NULL,
    "amountCents" INTEGER NOT NULL,

    CONSTRAINT "AdvanceInstalment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AdvanceReminder" (
    "id" TEXT NOT NULL,
    "instalmentId" TEXT NOT NULL,
    "kind" "AdvanceReminderKind" NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AdvanceReminder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AdvanceRepayment" (
    "id" TEXT NOT NULL,
    "dossierId" TEXT NOT NULL,
    "receivedOn" TIMESTAMP(3) NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "reference" TEXT NOT NULL,
    "early" BOOLEAN NOT NULL DEFAULT false,
    "scheduleVersion" INTEGER NOT NULL,
    "recordedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AdvanceRepayment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AdvanceRescheduling" (
    "id" TEXT NOT NULL,
    "dossierId" TEXT NOT NULL,
    "status" "ReschedulingStatus" NOT NULL DEFAULT 'REQUESTED',
    "reason" TEXT NOT NULL,
    "firstDueDate" TIMESTAMP(3) NOT NULL,
    "frequencyMonths" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,
    "requestedById" TEXT NOT NULL,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decisionNote" TEXT,
    "scheduleVersion" INTEGER,

    CONSTRAINT "AdvanceRescheduling_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AdvanceSchedule_dossierId_version_key" ON "AdvanceSchedule"("dossierId", "version");

-- CreateIndex
CREATE INDEX "AdvanceInstalment_dueDate_idx" ON "AdvanceInstalment"("dueDate");

-- CreateIndex
CREATE UNIQUE INDEX "AdvanceInstalment_scheduleId_position_key" ON "AdvanceInstalment"("scheduleId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "AdvanceReminder_instalmentId_kind_key" ON "AdvanceReminder"("instalmentId", "kind");

-- CreateIndex
CREATE INDEX "AdvanceRepayment_dossierId_receivedOn_idx" ON "AdvanceRepayment"("dossierId", "receivedOn");

-- CreateIndex
CREATE INDEX "AdvanceRescheduling_dossierId_status_idx" ON "AdvanceRescheduling"("dossierId", "status");

-- CreateIndex
CREATE INDEX "Attachment_reschedulingId_idx" ON "Attachment"("reschedulingId");

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_reschedulingId_fkey" FOREIGN KEY ("reschedulingId") REFERENCES "AdvanceRescheduling"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdvanceSchedule" ADD CONSTRAINT "AdvanceSchedule_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdvanceInstalment" ADD CONSTRAINT "AdvanceInstalment_scheduleId_fkey" FOREIGN KEY ("scheduleId") REFERENCES "AdvanceSchedule"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdvanceReminder" ADD CONSTRAINT "AdvanceReminder_instalmentId_fkey" FOREIGN KEY ("instalmentId") REFERENCES "AdvanceInstalment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdvanceRepayment" ADD CONSTRAINT "AdvanceRepayment_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdvanceRepayment" ADD CONSTRAINT "AdvanceRepayment_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdvanceRescheduling" ADD CONSTRAINT "AdvanceRescheduling_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdvanceRescheduling" ADD CONSTRAINT "AdvanceRescheduling_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdvanceRescheduling" ADD CONSTRAINT "AdvanceRescheduling_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


