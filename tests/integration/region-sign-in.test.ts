// Single sign-on for Region staff, end to end over HTTP: the production server configured with a real
// OpenID Connect provider (`oidc-provider`, the certified implementation) started here, no mock. The
// browser's part (following redirects, the provider's login and consent forms, each site's cookies) is
// played by fetch with two cookie jars.
import { mkdtemp, rm } from "node:fs/promises";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";
import Provider from "oidc-provider";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { AUDIT_ACTION_LABELS, AUDIT_ACTIONS } from "~/domain/audit";
import { PrismaClient } from "~/generated/prisma/client";
import { LocalFileStorage } from "~/services/platform/storage.server";

import { DEMO_ACCOUNTS, seedDemo } from "../../seeds/demo";
import { seedReference } from "../../seeds/reference";
import { freePort, startAppServer, type AppServer } from "../support/app-server";
import { readMigrations } from "../support/database";

const CLIENT = { id: "portail-ess", secret: "un-secret-de-client-pour-les-tests-seulement" };
const instructor = DEMO_ACCOUNTS.find((account) => account.key === "instructor")!;
const applicant = DEMO_ACCOUNTS.find((account) => account.key === "applicant")!;

/** The cookies of one site, as a browser keeps them (name → value), from each answer's Set-Cookie. */
class Jar {
  private cookies = new Map<string, string>();
  take(response: Response) {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair, ...attributes] = cookie.split(";");
      const [name, value] = [pair!.slice(0, pair!.indexOf("=")), pair!.slice(pair!.indexOf("=") + 1)];
      if (value === "" || attributes.some((attribute) => /max-age=0/i.test(attribute)))
        this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
  get(name: string) {
    return this.cookies.get(name);
  }
}

describe("signing in with the Region's account (OpenID Connect)", () => {
  let root: string;
  let dataDir: string;
  let app: AppServer;
  let idp: Server;
  let issuer: string;

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "region-sign-in-"));
    dataDir = path.join(root, "pglite");
    const pglite = new PGlite(dataDir);
    for (const sql of await readMigrations()) await pglite.exec(sql);
    const db = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
    await seedReference(db);
    await seedDemo(db, new LocalFileStorage(path.join(root, "files")));
    await db.$disconnect();
    await pglite.close();

    const idpPort = await freePort();
    issuer = `http://127.0.0.1:${idpPort}`;
    app = await startAppServer({
      databaseUrl: `pglite:${dataDir}`,
      env: { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: CLIENT.id, OIDC_CLIENT_SECRET: CLIENT.secret },
    });
    // The login typed on the provider's form is the person's email; « non-verifiee » ones are not verified.
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: CLIENT.id,
          client_secret: CLIENT.secret,
          redirect_uris: [`${app.url}/connexion/region/retour`],
          grant_types: ["authorization_code"],
          response_types: ["code"],
        },
      ],
      claims: { openid: ["sub"], email: ["email", "email_verified"] },
      findAccount: (_context: unknown, id: string) => ({
        accountId: id,
        claims: () => ({
          sub: id,
          email: id.replace("non-verifiee+", ""),
          email_verified: !id.startsWith("non-verifiee+"),
        }),
      }),
      pkce: { required: () => true },
    });
    idp = provider.listen(idpPort);
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
    await new Promise((resolve) => idp?.close(resolve));
    if (root) await rm(root, { recursive: true, force: true });
  });

  /** From « Se connecter avec le compte de la Région » back to the portal, signing in at the provider as `login`. */
  async function signInAtRegion(login: string, { tamperState = false } = {}) {
    const portal = new Jar();
    const provider = new Jar();
    const start = await fetch(`${app.url}/connexion/region?redirectTo=%2Finstruction%2Fversements`, {
      redirect: "manual",
    });
    portal.take(start);
    let location = start.headers.get("location")!;
    expect(location.startsWith(`${issuer}/auth?`)).toBe(true);
    const authorization = new URL(location).searchParams;
    // Authorization code with PKCE (S256), state and nonce.
    expect(authorization.get("response_type")).toBe("code");
    expect(authorization.get("code_challenge_method")).toBe("S256");
    expect([authorization.get("state"), authorization.get("nonce")]).toEqual([
      expect.any(String),
      expect.any(String),
    ]);

    // At the provider: its login form, then its consent form, then back to the portal.
    for (let hop = 0; hop < 12 && location.startsWith(issuer); hop++) {
      const interaction = /\/interaction\/[^/?]+$/.test(new URL(location).pathname);
      let response = await fetch(location, { redirect: "manual", headers: { Cookie: provider.header() } });
      provider.take(response);
      if (interaction) {
        const page = await response.text();
        const form: Record<string, string> = page.includes('value="login"')
          ? { prompt: "login", login, password: "quelconque" }
          : { prompt: "consent" };
        response = await fetch(location, {
          method: "POST",
          redirect: "manual",
          headers: { Cookie: provider.header(), "Content-Type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams(form),
        });
        provider.take(response);
      }
      location = new URL(response.headers.get("location")!, location).href;
    }
    expect(location.startsWith(`${app.url}/connexion/region/retour?`)).toBe(true);
    if (tamperState) location = location.replace(/state=[^&]+/, "state=un-autre-etat");
    const back = await fetch(location, { redirect: "manual", headers: { Cookie: portal.header() } });
    portal.take(back);
    return {
      status: back.status,
      location: back.headers.get("location"),
      session: portal.get("portail_session"),
    };
  }

  /** A page as the session's owner sees it (empty when sent to sign in). */
  async function read(target: string, session: string | undefined) {
    const page = await fetch(`${app.url}${target}`, {
      redirect: "manual",
      headers: { Cookie: `portail_session=${session ?? ""}` },
    });
    return page.status === 200 ? page.text() : "";
  }

  it("offers the button once configured, and signs a staff member in by their verified email, without a code", async () => {
    const page = await (await fetch(`${app.url}/connexion`)).text();
    expect(page).toContain("Se connecter avec le compte de la Région");

    const result = await signInAtRegion(instructor.email.toUpperCase());
    expect([result.status, result.location]).toEqual([302, "/instruction/versements"]);
    expect(await read("/compte", result.session)).toContain(instructor.email);
    const log = app.output();
    expect(log).not.toContain(CLIENT.secret);
  });

  it("never signs in an applicant, an unknown address or an unverified email, and never creates an account", async () => {
    for (const login of [applicant.email, "inconnu@region-centre.fr", `non-verifiee+${instructor.email}`]) {
      const result = await signInAtRegion(login);
      expect([result.status, result.location, result.session], login).toEqual([
        302,
        "/connexion?region=inconnu",
        undefined,
      ]);
    }
    const refusal = await (await fetch(`${app.url}/connexion?region=inconnu`)).text();
    expect(refusal).toContain("Aucun compte d’agent actif du portail ne correspond");

    // The admin (by the Region's account too) reads the audit log and finds no new account.
    const admin = (await signInAtRegion(DEMO_ACCOUNTS.find((account) => account.key === "admin")!.email))
      .session;
    const journal = await read("/admin/journal.csv", admin);
    expect(journal.split(AUDIT_ACTION_LABELS[AUDIT_ACTIONS.signInRegionRefused]).length - 1).toBe(3);
    expect(await read("/admin/comptes?q=region-centre.fr", admin)).toContain(
      "Aucun compte ne correspond à ces critères.",
    );
  });

  it("refuses an answer whose state is not the one sent", async () => {
    const result = await signInAtRegion(instructor.email, { tamperState: true });
    expect([result.status, result.location, result.session]).toEqual([
      302,
      "/connexion?region=echec",
      undefined,
    ]);
  });
});
