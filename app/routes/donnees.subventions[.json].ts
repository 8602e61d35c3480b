// GET /donnees/subventions.json: the same rows as the CSV, for programs (amounts as numbers).
import { scdlJson, scdlSubsidies } from "~/services/open-data/subsidies.server";
import { db } from "~/db.server";

export async function loader() {
  const { rows } = await scdlSubsidies(db);
  return new Response(JSON.stringify(scdlJson(rows)), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": "public, max-age=300",
    },
  });
}
