// GET /instruction/export.csv?<the queue's query>: every dossier of the filter, for a spreadsheet.
import type { LoaderFunctionArgs } from "@remix-run/node";

import { db } from "~/db.server";
import { AUDIT_ACTIONS } from "~/domain/audit";
import { parseQueueFilter, queueParams } from "~/domain/instruction-queue";
import { parisDay } from "~/domain/paris-time";
import { queueCsvExport } from "~/services/instruction/queue.server";
import { requireRole } from "~/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["INSTRUCTOR", "ADMIN"]);
  const filter = parseQueueFilter(new URL(request.url).searchParams);
  const now = new Date();
  const { csv, count } = await queueCsvExport(db, user, filter);
  // Personal data leaves the portal: who took what is kept.
  await db.auditLog.create({
    data: {
      actorId: user.id,
      action: AUDIT_ACTIONS.queueExported,
      targetType: "Dossier",
      details: { query: queueParams({ ...filter, page: 1 }).toString(), count },
      createdAt: now,
    },
  });
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="dossiers-${parisDay(now)}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
