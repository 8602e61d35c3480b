// GET /financeurs/indicateurs/avances.csv: the equity advances paid, repaid, outstanding and late, by EU
// programme and by department (aggregates only).
import type { LoaderFunctionArgs } from "@remix-run/node";

import { db } from "~/db.server";
import { isCommunityMember } from "~/services/funders/access.server";
import {
  advanceIndicatorsCsv,
  communityAdvanceIndicators,
} from "~/services/funders/advance-indicators.server";
import { csvResponse } from "~/services/funders/indicators.server";
import { requireRole } from "~/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["FUNDER", "INSTRUCTOR", "ADMIN"]);
  if (!isCommunityMember(user))
    throw new Response("Accès réservé à la communauté des financeurs.", { status: 403 });
  const indicators = await communityAdvanceIndicators(db, new Date());
  return csvResponse(advanceIndicatorsCsv(indicators), "indicateurs-avances-fonds-propres.csv", "private");
}
