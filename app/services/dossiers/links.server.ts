// The absolute links that emails and PDFs carry, from the portal's public address: the `appUrl` a service is
// given (appUrl() of app/env.server.ts in the app, a fixed address in tests). A trailing slash is tolerated.

/** `path` on the portal at `appUrl`. */
export function portalUrl(appUrl: string, path: string): string {
  return `${appUrl.replace(/\/+$/, "")}${path.startsWith("/") ? "" : "/"}${path}`;
}

/** Where the applicants read their dossier. */
export function applicantDossierUrl(appUrl: string, dossierId: string): string {
  return portalUrl(appUrl, `/dossiers/${dossierId}`);
}

/** Where an instructor reads the dossier and answers. */
export function instructorDossierUrl(appUrl: string, dossierId: string): string {
  return portalUrl(appUrl, `/instruction/dossiers/${dossierId}`);
}

/** Where the funders' community follows a shared dossier. */
export function funderDossierUrl(appUrl: string, dossierId: string): string {
  return portalUrl(appUrl, `/financeurs/dossiers/${dossierId}`);
}
