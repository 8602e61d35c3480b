// GET /instruction/versements.csv?du=AAAA-MM-JJ&au=AAAA-MM-JJ: the payments approved over the period, for the
// Region's finance service (French CSV), within the staff member's scope; the export is kept in the audit log.
import type { LoaderFunctionArgs } from "@remix-run/node";

import { db } from "~/db.server";
import { financeCsvExport, readPeriod } from "~/services/post-grant/finance-export.server";
import { requireRole } from "~/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["INSTRUCTOR", "ADMIN"]);
  const now = new Date();
  const reading = readPeriod(new URL(request.url).searchParams, now);
  if (!reading.ok) {
    return new Response(Object.values(reading.errors).join(" "), {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const { period } = reading;
  const { csv } = await financeCsvExport(db, user, period, now);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="versements-${period.from}-au-${period.to}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
