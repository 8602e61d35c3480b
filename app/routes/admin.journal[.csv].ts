// GET /admin/journal.csv?<the log's query>: every entry of the filter, for a spreadsheet. Audited.
import type { LoaderFunctionArgs } from "@remix-run/node";

import { db } from "~/db.server";
import { readAuditLogFilter } from "~/domain/audit-log";
import { parisDay } from "~/domain/paris-time";
import { exportAuditLog } from "~/services/admin/audit-log.server";
import { requireRole } from "~/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "ADMIN");
  // What the filter could not read is left out, as on the page the link came from.
  const { filter } = readAuditLogFilter(new URL(request.url).searchParams);
  const now = new Date();
  const { csv } = await exportAuditLog(db, { actor: user, filter: { ...filter, page: 1 }, now });
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="journal-audit-${parisDay(now)}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
