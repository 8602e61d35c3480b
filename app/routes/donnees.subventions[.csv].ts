// GET /donnees/subventions.csv: the subsidies awarded, in the national SCDL « subventions » 2.1.1 format.
import { scdlCsv, scdlSubsidies } from "~/services/open-data/subsidies.server";
import { db } from "~/db.server";

export async function loader() {
  const { rows } = await scdlSubsidies(db);
  return new Response(scdlCsv(rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="subventions-region-centre-val-de-loire.csv"',
      "Cache-Control": "public, max-age=300",
    },
  });
}
