// The printed agenda of a project review, always as a download, never kept by a cache.
import type { LoaderFunctionArgs } from "@remix-run/node";

import { db } from "~/db.server";
import { attachmentContentDisposition } from "~/domain/uploads";
import { isCommunityMember } from "~/services/funders/access.server";
import { reviewAgendaPdf } from "~/services/funders/project-reviews.server";
import { requireRole } from "~/session.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["FUNDER", "INSTRUCTOR", "ADMIN"]);
  if (!isCommunityMember(user))
    throw new Response("Accès réservé à la communauté des financeurs.", { status: 403 });
  const { fileName, pdf } = await reviewAgendaPdf(db, user, params.id ?? "", new Date());
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": attachmentContentDisposition(fileName),
      "Content-Length": String(pdf.byteLength),
      "Cache-Control": "private, no-store",
    },
  });
}
