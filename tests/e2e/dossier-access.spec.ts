// Who may open an applicant's dossier pages and files, over HTTP as a browser would ask: a visitor is sent
// to sign in, the other roles are refused, an applicant of another organisation learns nothing (404), and
// their posts change nothing; the organisation's member gets every page.
import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";

import { DEMO_ACCOUNTS } from "./support/accounts";
import { newApplicant, signIn, signUp } from "./support/auth";

const account = (key: string) => DEMO_ACCOUNTS.find((candidate) => candidate.key === key)!;

const PAGES = [
  "",
  "/etapes/projet",
  "/pieces",
  "/depot",
  "/documents/dossier-complet",
  "/documents/recepisse",
] as const;

async function signedInRequest(browser: Browser, email: string, password: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, password);
  return { context, request: page.request };
}

async function status(request: APIRequestContext, path: string) {
  const response = await request.get(path, { maxRedirects: 0 });
  return { status: response.status(), location: response.headers()["location"] ?? null };
}

test("only the organisation's members reach a dossier's pages, files and forms", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const applicant = account("applicant");
  const member = await signedInRequest(browser, applicant.email, applicant.password);
  // The member's first dossier on their home page.
  const home = await member.request.get("/espace");
  const dossierPath = /href="(\/dossiers\/c[a-z0-9]+)"/.exec(await home.text())?.[1];
  expect(dossierPath).toBeTruthy();
  const overview = async () => (await member.request.get(dossierPath!)).text();
  const before = await overview();

  // The member: the dossier's page, its pieces and the complete dossier PDF.
  for (const suffix of ["", "/pieces", "/documents/dossier-complet"]) {
    expect((await status(member.request, `${dossierPath}${suffix}`)).status, `${suffix} for the member`).toBe(
      200,
    );
  }

  // A visitor: sent to sign in, with the way back.
  const visitor = await browser.newContext();
  for (const suffix of PAGES) {
    const { status: code, location } = await status(visitor.request, `${dossierPath}${suffix}`);
    expect(code, `${suffix} for a visitor`).toBe(302);
    expect(location).toContain(`/connexion?redirectTo=${encodeURIComponent(`${dossierPath}${suffix}`)}`);
  }
  await visitor.close();

  // Region staff, funders and administrators have their own spaces: refused here.
  for (const key of ["instructor", "funder", "admin"]) {
    const other = await signedInRequest(browser, account(key).email, account(key).password);
    for (const suffix of PAGES) {
      expect((await status(other.request, `${dossierPath}${suffix}`)).status, `${suffix} for ${key}`).toBe(
        403,
      );
    }
    await other.context.close();
  }

  // An applicant of another organisation: the dossier does not exist for them, and their posts change nothing.
  const stranger = newApplicant("etranger");
  const strangerContext = await browser.newContext();
  const strangerPage = await strangerContext.newPage();
  await signUp(strangerPage, stranger);
  await expect(strangerPage).toHaveURL(/\/espace/);
  for (const suffix of PAGES) {
    expect((await status(strangerPage.request, `${dossierPath}${suffix}`)).status, suffix).toBe(404);
  }
  const origin = { Origin: baseURL! };
  const posts: Array<[string, Record<string, string>]> = [
    ["/etapes/projet", { intent: "save", revision: "0", title: "Détourné" }],
    ["/depot", { declaration: "on" }],
    ["?index", { intent: "sharing", share: "on" }],
    ["/pieces", { intent: "remove", attachmentId: "x" }],
  ];
  for (const [suffix, form] of posts) {
    const response = await strangerPage.request.post(`${dossierPath}${suffix}`, {
      form,
      headers: origin,
      maxRedirects: 0,
    });
    expect(response.status(), `POST ${suffix}`).toBe(404);
  }
  const upload = await strangerPage.request.post(`${dossierPath}/pieces/envoi`, {
    multipart: {
      kind: "STATUTES",
      file: { name: "statuts.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n") },
    },
    headers: origin,
  });
  expect(upload.status()).toBe(404);
  await strangerContext.close();

  // Nothing the stranger posted reached the dossier: same title, same sharing, same history.
  const after = await overview();
  const part = (html: string, pattern: RegExp) => pattern.exec(html)?.[0];
  expect(part(after, /<h1>[^<]*<\/h1>/)).toBe(part(before, /<h1>[^<]*<\/h1>/));
  expect(after).not.toContain("Détourné");
  expect(part(after, /Votre dossier (n’est pas|est) partagé/)).toBe(
    part(before, /Votre dossier (n’est pas|est) partagé/),
  );
  expect(after.match(/timeline__event/g)?.length).toBe(before.match(/timeline__event/g)?.length);
  await member.context.close();
});
