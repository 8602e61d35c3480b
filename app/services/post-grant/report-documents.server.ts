// The PDF of a period's financial report as it was issued at submission, as a download.
import { Readable } from "node:stream";

import { attachmentContentDisposition } from "~/domain/uploads";
import { notFound } from "~/domain/user-error";
import type { PrismaClient } from "~/generated/prisma/client";
import { DocumentKind } from "~/generated/prisma/enums";

import { StorageNotFoundError, type FileStorage } from "~/services/platform/storage.server";

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
