// Back from the Region's identity provider: the session opens if the verified email is a staff account's;
// otherwise the sign-in page says why.
import { redirect, type LoaderFunctionArgs } from "@remix-run/node";

import { db } from "~/db.server";
import { homePathForRole, safeRedirectPath } from "~/domain/roles";
import { isUserError } from "~/domain/user-error";
import { appUrl, env } from "~/env.server";
import {
  finishRegionSignIn,
  REGION_REFUSED,
  type RegionSignInFlow,
} from "~/services/accounts/region-sign-in.server";
import { regionSignInCookie, sessionHeaders } from "~/session.server";

function isFlow(value: unknown): value is RegionSignInFlow {
  if (typeof value !== "object" || value === null) return false;
  const flow = value as Record<string, unknown>;
  return ["state", "nonce", "verifier", "redirectTo"].every((key) => typeof flow[key] === "string");
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const settings = env().oidc;
  if (!settings)
    throw new Response("La connexion avec le compte de la Région n’est pas proposée ici.", { status: 404 });
  const flow: unknown = await regionSignInCookie.parse(request.headers.get("Cookie"));
  const headers = new Headers({ "Set-Cookie": await regionSignInCookie.serialize("", { maxAge: 0 }) });
  // No flow (expired, or a link not started here): nothing to check the answer against.
  if (!isFlow(flow)) return redirect("/connexion?region=echec", { headers });
  const ip = context.clientIp ?? "inconnue";
  // Behind a proxy the request's own URL may differ: the provider redirected to the registered address.
  const callbackUrl = new URL(`${appUrl("/connexion/region/retour")}${new URL(request.url).search}`);
  try {
    const signedIn = await finishRegionSignIn(
      db,
      { ...settings, redirectUri: appUrl("/connexion/region/retour") },
      { callbackUrl, flow, ip },
    );
    for (const cookie of (await sessionHeaders(request, signedIn.userId, ip)).getSetCookie()) {
      headers.append("Set-Cookie", cookie);
    }
    return redirect(safeRedirectPath(flow.redirectTo, homePathForRole(signedIn.role)), { headers });
  } catch (error) {
    if (!isUserError(error)) throw error;
    return redirect(`/connexion?region=${error.message === REGION_REFUSED ? "inconnu" : "echec"}`, {
      headers,
    });
  }
}
