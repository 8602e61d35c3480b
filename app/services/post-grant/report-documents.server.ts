// The PDF of a period's financial report: issued at submission (with the submission's service and the demo
// seeds), then downloaded as it was issued.
import { Readable } from "node:stream";

import { fullName } from "~/domain/people";
import type { FinancialReportAnswers } from "~/domain/post-grant/report";
import { attachmentContentDisposition } from "~/domain/uploads";
import { notFound } from "~/domain/user-error";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { DocumentKind, DossierEventKind } from "~/generated/prisma/enums";
import { renderFinancialReport, type FinancialReportData } from "~/pdf/financial-report.server";

import { newStorageKey, StorageNotFoundError, type FileStorage } from "~/services/platform/storage.server";

import { financedPeriods, periodLabel, type ReportTerms } from "./report-context.server";

/**
 * Renders the report as sent, with its pieces, stores it and records it as issued on the dossier (its
 * documents and timeline). The key is pushed to `written` before the file is stored.
 */
export async function writeReportDocument(
  tx: Prisma.TransactionClient,
  storage: FileStorage,
  input: {
    dossier: {
      id: string;
      number: string | null;
      title: string;
      schemeCode: Parameters<typeof periodLabel>[0];
      scheme: { name: string };
      organisation: FinancialReportData["organisation"];
      grantedAmountCents: number | null;
      agreementAcceptedAt: Date | null;
    };
    report: { id: string; periodStart: Date; periodEnd: Date; report: FinancialReportAnswers };
    period: number;
    terms: ReportTerms;
    submittedById: string;
    now: Date;
    written: string[];
  },
): Promise<void> {
  const { dossier, report, period, now } = input;
  const label = periodLabel(dossier.schemeCode, period);
  const submitter = await tx.user.findUniqueOrThrow({
    where: { id: input.submittedById },
    select: { firstName: true, lastName: true },
  });
  const periods = await financedPeriods(tx, dossier.id, dossier.agreementAcceptedAt ?? report.periodStart);
  const pieces = await tx.attachment.findMany({
    where: { reportId: report.id, deletedAt: null },
    orderBy: { createdAt: "asc" },
  });
  const labels = new Map(input.terms.attachments.map((item) => [item.kind, item.label]));
  const pdf = await renderFinancialReport({
    dossierNumber: dossier.number ?? "",
    title: dossier.title,
    schemeName: dossier.scheme.name,
    organisation: dossier.organisation,
    periodLabel: label,
    periodStart: report.periodStart,
    periodEnd: report.periodEnd,
    grantedCents: dossier.grantedAmountCents ?? 0,
    periodAmountCents: periods.find((item) => item.period === period)?.amountCents ?? 0,
    thresholdPercent: input.terms.thresholdPercent,
    report: report.report,
    submittedAt: now,
    submittedBy: fullName(submitter),
    attachments: pieces.map((piece) => ({
      label: labels.get(piece.kind) ?? "Autre pièce",
      fileName: piece.fileName,
      sizeBytes: piece.sizeBytes,
      sha256: piece.sha256,
    })),
  });
  const storageKey = newStorageKey(now);
  input.written.push(storageKey);
  await storage.put(storageKey, pdf, { contentType: "application/pdf" });
  const document = await tx.generatedDocument.create({
    data: { dossierId: dossier.id, kind: DocumentKind.FINANCIAL_REPORT, storageKey, period, createdAt: now },
  });
  await tx.dossierEvent.create({
    data: {
      dossierId: dossier.id,
      kind: DossierEventKind.DOCUMENT_ISSUED,
      actorId: input.submittedById,
      reason: `Compte rendu financier établi (${label})`,
      data: { documentId: document.id, kind: DocumentKind.FINANCIAL_REPORT, period },
      createdAt: now,
    },
  });
}

/** The latest FINANCIAL_REPORT of the period; 404 before any submission. */
export async function reportPdf(
  db: PrismaClient,
  storage: FileStorage,
  dossier: { id: string; number: string | null },
  period: number,
): Promise<{ fileName: string; stream: Readable }> {
  const document = await db.generatedDocument.findFirst({
    where: { dossierId: dossier.id, kind: DocumentKind.FINANCIAL_REPORT, period },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  if (!document) throw notFound("Ce compte rendu n’a pas encore été envoyé.");
  const stream = await storage.get(document.storageKey).catch((error: unknown) => {
    if (error instanceof StorageNotFoundError) throw notFound("Ce document est introuvable.");
    throw error;
  });
  return { fileName: `Compte rendu financier ${dossier.number ?? ""} période ${period}.pdf`, stream };
}

/** The download's answer: always an attachment, never shown inline. */
export function pdfDownload(file: { fileName: string; stream: Readable }): Response {
  return new Response(Readable.toWeb(file.stream) as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": attachmentContentDisposition(file.fileName),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
