// A dossier's PDF documents for Region staff, always as downloads: those issued (receipt, instructor's
// report, decision, agreement, schedules) as they were stored, and the complete dossier printed now.
import { Readable } from "node:stream";

import type { LoaderFunctionArgs } from "@remix-run/node";

import { db } from "~/db.server";
import { COMPLETE_DOSSIER_SLUG } from "~/domain/dossier-documents";
import { attachmentContentDisposition } from "~/domain/uploads";
import { renderCompleteDossier } from "~/pdf/complete-dossier.server";
import { completeDossierData } from "~/services/dossiers/complete-dossier.server";
import { getDossierForStaff } from "~/services/instruction/access.server";
import { openStaffDocument } from "~/services/instruction/dossier-files.server";
import { refusePurgedFiles } from "~/services/admin/retention.server";
import { requireRole } from "~/session.server";
import { storage } from "~/storage.server";

function pdfHeaders(fileName: string, length?: number): HeadersInit {
  return {
    "Content-Type": "application/pdf",
    "Content-Disposition": attachmentContentDisposition(fileName),
    "Cache-Control": "private, no-store",
    "X-Content-Type-Options": "nosniff",
    ...(length === undefined ? {} : { "Content-Length": String(length) }),
  };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["INSTRUCTOR", "ADMIN"]);
  const dossierId = params.id ?? "";
  const dossier = await getDossierForStaff(db, user, dossierId);
  refusePurgedFiles(dossier);
  if (params.document === COMPLETE_DOSSIER_SLUG) {
    const data = await completeDossierData(
      db,
      dossier as Parameters<typeof completeDossierData>[1],
      new Date(),
    );
    const pdf = await renderCompleteDossier(data);
    return new Response(new Uint8Array(pdf), {
      headers: pdfHeaders(`Dossier complet ${dossier.number ?? "sans numéro"}.pdf`, pdf.byteLength),
    });
  }
  const document = await openStaffDocument(db, storage(), user, dossierId, params.document ?? "");
  return new Response(Readable.toWeb(document.stream) as ReadableStream<Uint8Array>, {
    headers: pdfHeaders(document.fileName),
  });
}
