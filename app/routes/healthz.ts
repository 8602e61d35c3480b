import { db } from "~/db.server";

/** A database that does not answer in time is as bad as none: the load balancer must not wait on it. */
const DATABASE_TIMEOUT_MS = 3_000;

// For load balancers and monitoring: is the app up, and can it reach its database? While the instance
// drains after SIGTERM, server.mjs answers 503 itself before this route is reached.
export async function loader() {
  const headers = { "Cache-Control": "no-store" };
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      db.$queryRaw`SELECT 1`,
      new Promise((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error("timeout")), DATABASE_TIMEOUT_MS);
      }),
    ]);
    return Response.json({ status: "ok", database: "ok", message: "Le portail fonctionne." }, { headers });
  } catch {
    return Response.json(
      {
        status: "indisponible",
        database: "injoignable",
        message:
          "La base de données est injoignable : le portail ne peut pas répondre pour le moment. Réessayez dans quelques instants.",
      },
      { status: 503, headers },
    );
  } finally {
    clearTimeout(timer);
  }
}
