-- CreateEnum
CREATE TYPE "AgreementSide" AS ENUM ('HOLDER', 'REGION');

-- CreateEnum
CREATE TYPE "AcceptanceMethod" AS ENUM ('ONLINE', 'PAPER');

-- CreateEnum
CREATE TYPE "PaymentKind" AS ENUM ('ADVANCE', 'BALANCE', 'SINGLE');

-- CreateEnum
CREATE TYPE "PaymentStatus" AS ENUM ('EXPECTED', 'REQUESTED', 'CORRECTION_REQUESTED', 'APPROVED', 'PAID', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ReportStatus" AS ENUM ('DUE', 'SUBMITTED', 'CORRECTION_REQUESTED', 'APPROVED');

-- CreateEnum
CREATE TYPE "RecoveryStatus" AS ENUM ('ISSUED', 'SETTLED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "DocumentKind" ADD VALUE 'ACCEPTANCE_CERTIFICATE';
ALTER TYPE "DocumentKind" ADD VALUE 'FINANCIAL_REPORT';
ALTER TYPE "DocumentKind" ADD VALUE 'RECOVERY_ORDER';

-- AlterEnum
ALTER TYPE "DossierEventKind" ADD VALUE 'FOLLOW_UP';

-- AlterEnum
ALTER TYPE "DossierStatus" ADD VALUE 'SETTLED';

-- AlterTable
ALTER TABLE "Attachment" ADD COLUMN     "acceptanceId" TEXT,
ADD COLUMN     "paymentId" TEXT,
ADD COLUMN     "reportId" TEXT;

-- AlterTable
ALTER TABLE "Dossier" ADD COLUMN     "agreementAcceptedAt" TIMESTAMP(3),
ADD COLUMN     "settledAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "GeneratedDocument" ADD COLUMN     "period" INTEGER;

-- CreateTable
CREATE TABLE "AgreementAcceptance" (
    "id" TEXT NOT NULL,
    "dossierId" TEXT NOT NULL,
    "side" "AgreementSide" NOT NULL,
    "method" "AcceptanceMethod" NOT NULL,
    "userId" TEXT NOT NULL,
    "signatoryName" TEXT NOT NULL,
    "signatoryRole" TEXT,
    "declaration" TEXT NOT NULL,
    "ipAddress" TEXT,
    "userAgent" TEXT,
    "agreementDocumentId" TEXT,
    "agreementSha256" TEXT NOT NULL,
    "acceptedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AgreementAcceptance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Payment" (
    "id" TEXT NOT NULL,
    "dossierId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "period" INTEGER NOT NULL,
    "kind" "PaymentKind" NOT NULL,
    "status" "PaymentStatus" NOT NULL DEFAULT 'EXPECTED',
    "plannedAmountCents" INTEGER NOT NULL,
    "requestedAmountCents" INTEGER,
    "approvedAmountCents" INTEGER,
    "paidAmountCents" INTEGER,
    "declaration" JSONB,
    "requestedAt" TIMESTAMP(3),
    "requestedById" TEXT,
    "decidedById" TEXT,
    "correctionNote" TEXT,
    "approvedAt" TIMESTAMP(3),
    "paidOn" TIMESTAMP(3),
    "mandateReference" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Payment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FinancialReport" (
    "id" TEXT NOT NULL,
    "dossierId" TEXT NOT NULL,
    "period" INTEGER NOT NULL,
    "periodStart" TIMESTAMP(3) NOT NULL,
    "periodEnd" TIMESTAMP(3) NOT NULL,
    "dueDate" TIMESTAMP(3) NOT NULL,
    "status" "ReportStatus" NOT NULL DEFAULT 'DUE',
    "answers" JSONB NOT NULL DEFAULT '{}',
    "revision" INTEGER NOT NULL DEFAULT 0,
    "submittedAt" TIMESTAMP(3),
    "submittedById" TEXT,
    "decidedById" TEXT,
    "correctionNote" TEXT,
    "approvedAt" TIMESTAMP(3),
    "retainedAmountCents" INTEGER,
    "remindedBeforeAt" TIMESTAMP(3),
    "remindedOnDayAt" TIMESTAMP(3),
    "remindedOverdueAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FinancialReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Recovery" (
    "id" TEXT NOT NULL,
    "dossierId" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "RecoveryStatus" NOT NULL DEFAULT 'ISSUED',
    "decidedById" TEXT NOT NULL,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dueDate" TIMESTAMP(3) NOT NULL,
    "settledAt" TIMESTAMP(3),
    "settledReference" TEXT,

    CONSTRAINT "Recovery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AgreementAcceptance_dossierId_side_key" ON "AgreementAcceptance"("dossierId", "side");

-- CreateIndex
CREATE INDEX "Payment_status_approvedAt_idx" ON "Payment"("status", "approvedAt");

-- CreateIndex
CREATE INDEX "Payment_status_requestedAt_idx" ON "Payment"("status", "requestedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_dossierId_position_key" ON "Payment"("dossierId", "position");

-- CreateIndex
CREATE INDEX "FinancialReport_status_dueDate_idx" ON "FinancialReport"("status", "dueDate");

-- CreateIndex
CREATE UNIQUE INDEX "FinancialReport_dossierId_period_key" ON "FinancialReport"("dossierId", "period");

-- CreateIndex
CREATE INDEX "Recovery_dossierId_idx" ON "Recovery"("dossierId");

-- CreateIndex
CREATE INDEX "Recovery_status_dueDate_idx" ON "Recovery"("status", "dueDate");

-- CreateIndex
CREATE INDEX "Attachment_paymentId_idx" ON "Attachment"("paymentId");

-- CreateIndex
CREATE INDEX "Attachment_reportId_idx" ON "Attachment"("reportId");

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "FinancialReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_acceptanceId_fkey" FOREIGN KEY ("acceptanceId") REFERENCES "AgreementAcceptance"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreementAcceptance" ADD CONSTRAINT "AgreementAcceptance_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreementAcceptance" ADD CONSTRAINT "AgreementAcceptance_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FinancialReport" ADD CONSTRAINT "FinancialReport_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FinancialReport" ADD CONSTRAINT "FinancialReport_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FinancialReport" ADD CONSTRAINT "FinancialReport_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recovery" ADD CONSTRAINT "Recovery_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recovery" ADD CONSTRAINT "Recovery_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Payment terms of the rule sets already saved: the defaults each scheme's deliberation sets
-- (app/domain/schemes/payment-terms.ts). Published versions stay immutable in everything else.
UPDATE "RuleSet" SET "parameters" = "parameters" || jsonb_build_object('paymentTerms', '{"advancePercent":50,"reportDueMonths":6,"reportVarianceThresholdPercent":15,"reportAttachments":[{"kind":"APPROVED_ACCOUNTS","label":"Comptes annuels approuvés de l’exercice"},{"kind":"ACTIVITY_REPORT","label":"Rapport d’activité de l’année"}]}'::jsonb)
WHERE "schemeId" IN (SELECT "id" FROM "Scheme" WHERE "code" = 'CAP_ASSO') AND NOT ("parameters" ? 'paymentTerms');
UPDATE "RuleSet" SET "parameters" = "parameters" || jsonb_build_object('paymentTerms', '{"advancePercent":30,"projectLengthMonths":24,"balanceAttachments":[{"kind":"EXPENSE_STATEMENT","label":"État récapitulatif des dépenses acquittées, certifié par le représentant légal"}],"reportDueMonths":6,"reportVarianceThresholdPercent":15,"reportAttachments":[{"kind":"APPROVED_ACCOUNTS","label":"Comptes annuels approuvés de l’exercice"},{"kind":"ACTIVITY_REPORT","label":"Bilan de l’initiative"}]}'::jsonb)
WHERE "schemeId" IN (SELECT "id" FROM "Scheme" WHERE "code" = 'A_VOS_ID') AND NOT ("parameters" ? 'paymentTerms');
UPDATE "RuleSet" SET "parameters" = "parameters" || jsonb_build_object('paymentTerms', '{"proofDeadlineMonths":12,"paymentAttachments":[{"kind":"CAPITAL_CERTIFICATE","label":"Attestation de la coopérative : capital souscrit et libéré par chaque salarié associé"}]}'::jsonb)
WHERE "schemeId" IN (SELECT "id" FROM "Scheme" WHERE "code" = 'CAP_SCOP_SCIC') AND NOT ("parameters" ? 'paymentTerms');
