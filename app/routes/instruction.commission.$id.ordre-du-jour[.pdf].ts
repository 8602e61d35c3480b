// The printed agenda of a session, always as a download, never kept by a cache.
import type { LoaderFunctionArgs } from "@remix-run/node";

import { db } from "~/db.server";
import { attachmentContentDisposition } from "~/domain/uploads";
import { commissionAgendaPdf } from "~/services/commission/agenda.server";
import { requireRole } from "~/session.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["INSTRUCTOR", "ADMIN"]);
  const { fileName, pdf } = await commissionAgendaPdf(db, {
    actor: user,
    sessionId: params.id ?? "",
    now: new Date(),
  });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": attachmentContentDisposition(fileName),
      "Content-Length": String(pdf.byteLength),
      "Cache-Control": "private, no-store",
    },
  });
}
