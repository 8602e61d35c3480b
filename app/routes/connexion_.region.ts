// « Se connecter avec le compte de la Région »: off to the Region's identity provider (OpenID Connect),
// when OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are set.
import { redirect, type LoaderFunctionArgs } from "@remix-run/node";

import { homePathForRole, safeRedirectPath } from "~/domain/roles";
import { appUrl, env } from "~/env.server";
import { startRegionSignIn } from "~/services/accounts/region-sign-in.server";
import { getOptionalUser, regionSignInCookie } from "~/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  if (user) throw redirect(homePathForRole(user.role));
  const settings = env().oidc;
  if (!settings)
    throw new Response("La connexion avec le compte de la Région n’est pas proposée ici.", { status: 404 });
  const redirectTo = safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"), "");
  const { url, flow } = await startRegionSignIn(
    { ...settings, redirectUri: appUrl("/connexion/region/retour") },
    redirectTo,
  );
  return redirect(url, { headers: { "Set-Cookie": await regionSignInCookie.serialize(flow) } });
}
