// GET /instruction/suivi.csv?<the follow-up's query>: every line of the filter, for a spreadsheet.
import type { LoaderFunctionArgs } from "@remix-run/node";

import { db } from "~/db.server";
import { AUDIT_ACTIONS } from "~/domain/audit";
import { followUpParams, readFollowUpFilter } from "~/domain/follow-up-queue";
import { parisDay } from "~/domain/paris-time";
import { appUrl } from "~/env.server";
import { followUpCsvExport } from "~/services/post-grant/follow-up-queue.server";
import { requireRole } from "~/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["INSTRUCTOR", "ADMIN"]);
  const { filter } = readFollowUpFilter(new URL(request.url).searchParams);
  const now = new Date();
  const { csv, count } = await followUpCsvExport(db, user, filter, { now, appUrl: appUrl() });
  // Personal data leaves the portal: who took what is kept.
  await db.auditLog.create({
    data: {
      actorId: user.id,
      action: AUDIT_ACTIONS.followUpQueueExported,
      targetType: "Dossier",
      details: { query: followUpParams({ ...filter, page: 1 }).toString(), count },
      createdAt: now,
    },
  });
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="suivi-${parisDay(now)}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
