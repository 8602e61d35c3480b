// GET /indicateurs/<serie>.csv: one public series for a spreadsheet, with the same suppression as the page.
import type { LoaderFunctionArgs } from "@remix-run/node";

import { db } from "~/db.server";
import { isSeriesId } from "~/domain/indicators";
import {
  csvResponse,
  publicIndicators,
  publicSeriesCsv,
  seriesFileName,
} from "~/services/funders/indicators.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const id = params.serie;
  if (!isSeriesId(id)) throw new Response("Cette série d’indicateurs n’existe pas.", { status: 404 });
  const indicators = await publicIndicators(db);
  return csvResponse(publicSeriesCsv(indicators.series[id]), seriesFileName(id), "public");
}
