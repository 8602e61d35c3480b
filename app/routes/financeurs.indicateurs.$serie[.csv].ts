// GET /financeurs/indicateurs/<serie>.csv?annee=2026: one series of the community's indicators, or of what
// the grants achieved (versements, emplois).
import type { LoaderFunctionArgs } from "@remix-run/node";

import { db } from "~/db.server";
import { isAchievementId } from "~/domain/achievements";
import { isSeriesId, readIndicatorYear } from "~/domain/indicators";
import { achievementCsv, communityAchievements } from "~/services/funders/achievements.server";
import { isCommunityMember } from "~/services/funders/access.server";
import {
  communityIndicators,
  communitySeriesCsv,
  csvResponse,
  seriesFileName,
} from "~/services/funders/indicators.server";
import { requireRole } from "~/session.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["FUNDER", "INSTRUCTOR", "ADMIN"]);
  if (!isCommunityMember(user))
    throw new Response("Accès réservé à la communauté des financeurs.", { status: 403 });
  const id = params.serie;
  const { year } = readIndicatorYear(new URL(request.url).searchParams.get("annee"));
  if (isAchievementId(id)) {
    const csv = achievementCsv(await communityAchievements(db, { year }), id);
    return csvResponse(csv, seriesFileName(id, year), "private");
  }
  if (!isSeriesId(id)) throw new Response("Cette série d’indicateurs n’existe pas.", { status: 404 });
  // The by-year series always spans every year; a malformed year falls back to every year, as on the page.
  const scoped = id === "annees" ? null : year;
  const indicators = await communityIndicators(db, { year: scoped });
  return csvResponse(communitySeriesCsv(indicators.series[id]), seriesFileName(id, scoped), "private");
}
