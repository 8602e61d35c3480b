// Downloads a file of the dossier (a piece or a message's attachment), only for the organisation's
// members, always as a download (never displayed inline: an uploaded file never runs in our origin).
import { createReadableStreamFromReadable, type LoaderFunctionArgs } from "@remix-run/node";

import { db } from "~/db.server";
import { attachmentContentDisposition } from "~/domain/uploads";
import { openAttachment } from "~/services/applicant/attachments.server";
import { getDossierForMember } from "~/services/applicant/dossiers.server";
import { refusePurgedFiles } from "~/services/admin/retention.server";
import { requireRole } from "~/session.server";
import { storage } from "~/storage.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "APPLICANT");
  refusePurgedFiles(await getDossierForMember(db, user.id, params.id ?? ""));
  const file = await openAttachment(db, storage(), {
    userId: user.id,
    dossierId: params.id ?? "",
    attachmentId: params.attachmentId ?? "",
  });
  return new Response(createReadableStreamFromReadable(file.stream), {
    headers: {
      "Content-Type": file.mimeType,
      "Content-Length": String(file.sizeBytes),
      "Content-Disposition": attachmentContentDisposition(file.fileName),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
