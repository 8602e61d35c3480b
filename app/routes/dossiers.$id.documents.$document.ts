// A dossier's PDF documents for the members of its organisation, always as downloads: the filing receipt,
// the decision letter, the agreement and the repayment schedule as they were issued, and the complete
// dossier printed now from the current answers.
import { Readable } from "node:stream";

import type { LoaderFunctionArgs } from "@remix-run/node";

import { db } from "~/db.server";
import { COMPLETE_DOSSIER_SLUG, ISSUED_DOCUMENTS, type IssuedDocumentSlug } from "~/domain/dossier-documents";
import { attachmentContentDisposition } from "~/domain/uploads";
import { renderCompleteDossier } from "~/pdf/complete-dossier.server";
import { completeDossierData } from "~/services/dossiers/complete-dossier.server";
import { getDossierForMember } from "~/services/applicant/dossiers.server";
import { refusePurgedFiles } from "~/services/admin/retention.server";
import { StorageNotFoundError } from "~/services/platform/storage.server";
import { requireRole } from "~/session.server";
import { storage } from "~/storage.server";

function pdfHeaders(fileName: string, length?: number): HeadersInit {
  return {
    "Content-Type": "application/pdf",
    "Content-Disposition": attachmentContentDisposition(fileName),
    "Cache-Control": "private, no-store",
    ...(length === undefined ? {} : { "Content-Length": String(length) }),
  };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "APPLICANT");
  const dossier = await getDossierForMember(db, user.id, params.id ?? "");
  refusePurgedFiles(dossier);
  const suffix = dossier.number ?? "brouillon";

  if (params.document === COMPLETE_DOSSIER_SLUG) {
    const pdf = await renderCompleteDossier(await completeDossierData(db, dossier, new Date()));
    return new Response(new Uint8Array(pdf), {
      headers: pdfHeaders(`Dossier complet ${suffix}.pdf`, pdf.byteLength),
    });
  }

  const issued = Object.hasOwn(ISSUED_DOCUMENTS, params.document ?? "")
    ? ISSUED_DOCUMENTS[params.document as IssuedDocumentSlug]
    : null;
  if (!issued) throw new Response("Document introuvable.", { status: 404 });
  const document = await db.generatedDocument.findFirst({
    where: { dossierId: dossier.id, kind: issued.kind },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  if (!document) throw new Response("Ce document n’a pas encore été établi.", { status: 404 });
  const stream = await storage()
    .get(document.storageKey)
    .catch((error: unknown) => {
      if (error instanceof StorageNotFoundError) {
        throw new Response("Ce document est introuvable.", { status: 404 });
      }
      throw error;
    });
  return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, {
    headers: pdfHeaders(`${issued.fileStem} ${suffix}.pdf`),
  });
}
