// A dossier's file (a piece or a message's attachment) for Region staff who may see the dossier. A download
// by default; `?apercu=1` shows a PDF or an image in the browser, under a policy that lets nothing in it
// run nor reach anything, since the file comes from outside.
import { createReadableStreamFromReadable, type LoaderFunctionArgs } from "@remix-run/node";

import { db } from "~/db.server";
import { attachmentContentDisposition } from "~/domain/uploads";
import { getDossierForStaff } from "~/services/instruction/access.server";
import { openStaffAttachment, PREVIEWABLE_TYPES } from "~/services/instruction/dossier-files.server";
import { refusePurgedFiles } from "~/services/admin/retention.server";
import { requireRole } from "~/session.server";
import { storage } from "~/storage.server";

const BASE_POLICY = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'";
// Browsers refuse to run their PDF viewer in a sandboxed document: a PDF gets plugin-types instead.
const PREVIEW_POLICIES: Record<string, string> = {
  "application/pdf": `${BASE_POLICY}; plugin-types application/pdf`,
  "image/png": `${BASE_POLICY}; sandbox`,
  "image/jpeg": `${BASE_POLICY}; sandbox`,
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["INSTRUCTOR", "ADMIN"]);
  refusePurgedFiles(await getDossierForStaff(db, user, params.id ?? ""));
  const file = await openStaffAttachment(db, storage(), user, params.id ?? "", params.attachmentId ?? "");
  const preview =
    new URL(request.url).searchParams.get("apercu") === "1" && PREVIEWABLE_TYPES.has(file.mimeType);
  const disposition = attachmentContentDisposition(file.fileName);
  return new Response(createReadableStreamFromReadable(file.stream), {
    headers: {
      "Content-Type": file.mimeType,
      "Content-Length": String(file.sizeBytes),
      "Content-Disposition": preview ? disposition.replace(/^attachment/, "inline") : disposition,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": PREVIEW_POLICIES[file.mimeType] ?? `${BASE_POLICY}; sandbox`,
    },
  });
}
