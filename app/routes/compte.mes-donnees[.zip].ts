// GET /compte/mes-donnees.zip: everything the portal holds about the signed-in person and their
// organisations, as one ZIP (right of access and portability). Any signed-in account may ask for its own.
import { createReadableStreamFromReadable, type LoaderFunctionArgs } from "@remix-run/node";

import { db } from "~/db.server";
import { attachmentContentDisposition } from "~/domain/uploads";
import { personalDataArchive } from "~/services/accounts/personal-data-export.server";
import { requireUser } from "~/session.server";
import { storage } from "~/storage.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const archive = await personalDataArchive(db, storage(), {
    userId: user.id,
    ip: context?.clientIp ?? null,
  });
  return new Response(createReadableStreamFromReadable(archive.stream), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": attachmentContentDisposition(archive.fileName),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
