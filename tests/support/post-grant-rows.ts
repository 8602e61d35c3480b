// A granted dossier's life after the grant written straight into the database, when a test needs its rows
// (retention, the personal-data export) and not the services that make them: both sides' acceptance of
// the agreement, a paid advance with its proof, an approved report with its piece and PDF, an amount to repay.
import { SAMPLE_FILES } from "./files";
import {
  AcceptanceMethod,
  AgreementSide,
  DocumentKind,
  PaymentKind,
  PaymentStatus,
  RecoveryStatus,
  ReportStatus,
} from "~/generated/prisma/enums";
import type { PrismaClient } from "~/generated/prisma/client";
import type { LocalFileStorage } from "~/services/platform/storage.server";

/** The personal data the rows hold, for tests to look for before and after a purge. */
export const FOLLOW_UP_TEXT = {
  signatory: "Claire Martin",
  ip: "203.0.113.7",
  associate: "Jeanne Perrin",
  actions: "Ateliers menés avec Mme Lefort à Bourges.",
  explanation: "Le loyer de M. Dubois a augmenté.",
  recovery: "Dépenses inférieures, selon le trésorier M. Roux.",
} as const;

export interface FollowUpDates {
  acceptedAt: Date;
  paidOn: Date;
  reportDueDate: Date;
  reportApprovedAt: Date;
  recoveryDecidedAt: Date;
  recoverySettledAt: Date | null;
}

let files = 0;

async function storedFile(storage: LocalFileStorage) {
  files += 1;
  const key = `2026/09/${String(files).padStart(32, "f")}`;
  await storage.put(key, SAMPLE_FILES.pdf, { contentType: "application/pdf" });
  return key;
}

/** Writes the rows and their files; returns the storage keys written. */
export async function writeFollowUp(
  db: PrismaClient,
  storage: LocalFileStorage,
  input: { dossierId: string; ownerId: string; instructorId: string; dates: FollowUpDates },
) {
  const { dossierId, ownerId, instructorId, dates } = input;
  const keys: string[] = [];
  const file = async (extra: { kind: string; paymentId?: string; reportId?: string }) => {
    const storageKey = await storedFile(storage);
    keys.push(storageKey);
    await db.attachment.create({
      data: {
        dossierId,
        ...extra,
        fileName: `${extra.kind.toLowerCase()} Perrin.pdf`,
        mimeType: "application/pdf",
        sizeBytes: SAMPLE_FILES.pdf.byteLength,
        sha256: "1".repeat(64),
        storageKey,
        uploadedById: ownerId,
        createdAt: dates.acceptedAt,
      },
    });
  };
  for (const side of [AgreementSide.HOLDER, AgreementSide.REGION]) {
    await db.agreementAcceptance.create({
      data: {
        dossierId,
        side,
        method: AcceptanceMethod.ONLINE,
        userId: side === AgreementSide.HOLDER ? ownerId : instructorId,
        signatoryName: side === AgreementSide.HOLDER ? FOLLOW_UP_TEXT.signatory : "Instructeur",
        signatoryRole: "présidente",
        declaration: "J’accepte la convention.",
        ipAddress: FOLLOW_UP_TEXT.ip,
        userAgent: "Mozilla/5.0 Firefox/140.0",
        agreementSha256: "2".repeat(64),
        acceptedAt: dates.acceptedAt,
      },
    });
  }
  await db.dossier.update({ where: { id: dossierId }, data: { agreementAcceptedAt: dates.acceptedAt } });
  const paid = await db.payment.create({
    data: {
      dossierId,
      position: 1,
      period: 1,
      kind: PaymentKind.SINGLE,
      status: PaymentStatus.PAID,
      plannedAmountCents: 1_000_000,
      requestedAmountCents: 1_000_000,
      approvedAmountCents: 1_000_000,
      paidAmountCents: 1_000_000,
      declaration: {
        kind: "CONTRIBUTIONS",
        associates: [{ name: FOLLOW_UP_TEXT.associate, subscribedCents: 500_000, paidUpCents: 500_000 }],
      },
      requestedAt: dates.acceptedAt,
      requestedById: ownerId,
      decidedById: instructorId,
      correctionNote: `Joindre l’attestation de ${FOLLOW_UP_TEXT.associate}.`,
      approvedAt: dates.paidOn,
      paidOn: dates.paidOn,
      mandateReference: "MDT-2026-0042",
    },
  });
  await file({ kind: "CAPITAL_CERTIFICATE", paymentId: paid.id });
  const report = await db.financialReport.create({
    data: {
      dossierId,
      period: 1,
      periodStart: dates.acceptedAt,
      periodEnd: dates.reportDueDate,
      dueDate: dates.reportDueDate,
      status: ReportStatus.APPROVED,
      answers: {
        values: { actions: FOLLOW_UP_TEXT.actions, actual_l1: "900", jobsCreatedFte: "2,5" },
        report: {
          actions: FOLLOW_UP_TEXT.actions,
          publicReached: "Quarante familles",
          datesAndPlaces: "Bourges",
          inKind: "",
          lines: [
            {
              id: "l1",
              side: "EXPENSE",
              category: "RENT",
              label: "Loyer rue Dubois",
              amountCents: 60_000,
              actualCents: 90_000,
              gapCents: 30_000,
              gapPercent: 50,
              beyondThreshold: true,
              explanation: FOLLOW_UP_TEXT.explanation,
            },
          ],
          indicators: {
            kind: "CAP_ASSO",
            jobsCreatedFte: 2.5,
            jobsCreatedCdi: 2,
            jobsConsolidatedFte: 1,
            jobsConsolidatedCdi: 1,
          },
          eligibleExpensesPaidCents: null,
        },
      },
      submittedAt: dates.reportApprovedAt,
      submittedById: ownerId,
      decidedById: instructorId,
      approvedAt: dates.reportApprovedAt,
      retainedAmountCents: 800_000,
    },
  });
  await file({ kind: "APPROVED_ACCOUNTS", reportId: report.id });
  const pdf = await storedFile(storage);
  keys.push(pdf);
  await db.generatedDocument.create({
    data: {
      dossierId,
      kind: DocumentKind.FINANCIAL_REPORT,
      period: 1,
      storageKey: pdf,
      createdAt: dates.reportApprovedAt,
    },
  });
  await db.recovery.create({
    data: {
      dossierId,
      amountCents: 200_000,
      reason: FOLLOW_UP_TEXT.recovery,
      status: dates.recoverySettledAt ? RecoveryStatus.SETTLED : RecoveryStatus.ISSUED,
      decidedById: instructorId,
      decidedAt: dates.recoveryDecidedAt,
      dueDate: dates.recoveryDecidedAt,
      settledAt: dates.recoverySettledAt,
      settledReference: dates.recoverySettledAt ? "TITRE-2026-7" : null,
    },
  });
  return keys;
}
