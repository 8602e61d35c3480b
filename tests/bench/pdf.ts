// PDF documents per second, rendered in-process on one core from a real dossier's data (the CAP ASSO
// template, read through the services that feed the documents): the filing receipt, the complete dossier
// and the agreement. The data is read once, before the app server takes the database.
import { performance } from "node:perf_hooks";

import type { PrismaClient } from "~/generated/prisma/client";
import { renderAgreement, type AgreementData } from "~/pdf/agreement.server";
import { renderCompleteDossier, type CompleteDossierData } from "~/pdf/complete-dossier.server";
import { renderFilingReceipt, type FilingReceiptData } from "~/pdf/filing-receipt.server";
import { completeDossierData } from "~/services/dossiers/complete-dossier.server";
import { decisionTerms, documentDossier } from "~/services/dossiers/decision-documents.server";
import { getDossierForMember } from "~/services/applicant/dossiers.server";
import { dossierChecklist } from "~/services/applicant/filing.server";
import { filingReceiptData } from "~/services/applicant/filing-record.server";

export interface PdfInputs {
  receipt: FilingReceiptData;
  dossier: CompleteDossierData;
  agreement: AgreementData;
}

export interface PdfResult {
  name: "receipt" | "dossier" | "agreement";
  perSecond: number;
  documents: number;
  /** Size of one document, to show it is the real thing. */
  bytes: number;
}

export async function readPdfInputs(db: PrismaClient, userId: string, dossierId: string): Promise<PdfInputs> {
  const now = new Date();
  const dossier = await getDossierForMember(db, userId, dossierId);
  const [checklist, attachments, complete] = await Promise.all([
    dossierChecklist(db, dossier, now),
    db.attachment.findMany({
      where: { dossierId, deletedAt: null, messageId: null },
      select: { kind: true, fileName: true, sizeBytes: true, sha256: true },
    }),
    completeDossierData(db, dossier, now),
  ]);
  const number = "CAPASSO-2026-99999";
  const amountCents = checklist.reading.summary.requestedAmountCents ?? 3_600_000;
  const decision = {
    id: dossier.id,
    number,
    title: dossier.title,
    schemeCode: dossier.schemeCode,
    schemeName: dossier.scheme.name,
    ruleSetParameters: dossier.ruleSet.parameters,
    organisation: dossier.organisation,
  };
  return {
    receipt: filingReceiptData(dossier, {
      number,
      filedAt: now,
      filedBy: { firstName: "Camille", lastName: "Martin" },
      reading: checklist.reading,
      attachments,
      appUrl: "http://localhost:3000",
    }),
    dossier: complete,
    agreement: {
      dossier: documentDossier(decision),
      schemeCode: dossier.schemeCode,
      amountCents,
      yearlyAmountsCents: [],
      sessionDate: now,
      agreementMonths: 36,
      ...decisionTerms(decision, amountCents, []),
      iban: dossier.organisation.iban,
      createdAt: now,
    },
  };
}

async function rate(
  name: PdfResult["name"],
  render: () => Promise<Buffer>,
  seconds: number,
): Promise<PdfResult> {
  // Warm-up: fonts loaded and embedded once, the JIT settled.
  const warmUntil = performance.now() + 500;
  let bytes = 0;
  while (performance.now() < warmUntil) bytes = (await render()).length;
  let documents = 0;
  const started = performance.now();
  while (performance.now() - started < seconds * 1000) {
    if ((await render()).length < 1000) throw new Error(`${name} : document vide`);
    documents++;
  }
  const elapsed = (performance.now() - started) / 1000;
  return { name, perSecond: documents / elapsed, documents, bytes };
}

export async function benchPdf(inputs: PdfInputs, seconds: number): Promise<PdfResult[]> {
  return [
    await rate("receipt", () => renderFilingReceipt(inputs.receipt), seconds),
    await rate("dossier", () => renderCompleteDossier(inputs.dossier), seconds),
    await rate("agreement", () => renderAgreement(inputs.agreement), seconds),
  ];
}
