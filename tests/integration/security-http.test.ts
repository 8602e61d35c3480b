// The portal's defences as a browser meets them, over real HTTP: `node server.mjs` in production on a seeded
// PGlite folder. Cross-site form posts are refused on every action and change nothing; signing in never
// keeps a session planted beforehand and signing out ends it on the server; the session cookie and the
// security headers are those of a production site; repeated failed sign-ins are slowed per account and per
// address; a password reset link works once and expires.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { PrismaClient } from "~/generated/prisma/client";
import { NotificationMode } from "~/generated/prisma/enums";
import { unsubscribeToken, type Digest } from "~/services/accounts/unsubscribe.server";
import { LocalFileStorage } from "~/services/platform/storage.server";

import { DEMO_ACCOUNTS, seedDemo } from "../../seeds/demo";
import { seedReference } from "../../seeds/reference";
import { APP_SERVER_SESSION_SECRET, startAppServer, type AppServer } from "../support/app-server";
import { MATRIX, urlOf } from "../support/authorization-matrix";
import { readMigrations } from "../support/database";
import { sentTo } from "../support/smtp";
import { freshTotpCode } from "../support/totp";

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** `name=value` of the session cookie set, if any. */
  session?: string;
}

const account = (key: string) => DEMO_ACCOUNTS.find((demo) => demo.key === key)!;
const CSRF_REFUSAL = "Requête refusée : elle ne provient pas du portail";
const RATE_LIMITED = "Trop de tentatives de connexion";

describe("security over HTTP (production server)", () => {
  let root: string;
  let dataDir: string;
  let server: AppServer;
  let dossierId: string;
  let instructorId: string;

  // The request log is on: the token test reads it.
  const env = () => ({ STORAGE_DIR: path.join(root, "files"), LOG_REQUESTS: "1" });

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "security-http-"));
    dataDir = path.join(root, "pglite");
    const pglite = new PGlite(dataDir);
    for (const sql of await readMigrations()) await pglite.exec(sql);
    const db = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
    await seedReference(db);
    await seedDemo(db, new LocalFileStorage(path.join(root, "files")));
    const porteur = await db.user.findUniqueOrThrow({ where: { email: account("applicant").email } });
    dossierId = (
      await db.dossier.findFirstOrThrow({
        where: { organisation: { memberships: { some: { userId: porteur.id } } }, documents: { some: {} } },
      })
    ).id;
    // The demo instructor reads the daily digest, whose emails carry an unsubscribe link.
    instructorId = (
      await db.user.update({
        where: { email: account("instructor").email },
        data: { notificationMode: NotificationMode.DAILY_DIGEST },
      })
    ).id;
    await db.$disconnect();
    await pglite.close();
    server = await startAppServer({ databaseUrl: `pglite:${dataDir}`, env: env() });
  });

  afterAll(async () => {
    await server?.stop();
    if (root) await rm(root, { recursive: true, force: true });
  });

  /** A request with exactly the headers given (node:http adds no Origin of its own). */
  function send(
    method: string,
    target: string,
    {
      headers = {},
      form,
      json,
    }: { headers?: Record<string, string>; form?: Record<string, string>; json?: unknown } = {},
  ): Promise<Answer> {
    const body = form ? new URLSearchParams(form).toString() : json ? JSON.stringify(json) : undefined;
    return new Promise((resolve, reject) => {
      const request = http.request(
        `${server.url}${target}`,
        {
          method,
          headers: {
            ...(form ? { "Content-Type": "application/x-www-form-urlencoded" } : {}),
            ...(json ? { "Content-Type": "application/json" } : {}),
            ...headers,
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => {
            const session = (response.headers["set-cookie"] ?? [])
              .find((cookie) => cookie.startsWith("portail_session=") && !/max-age=0/i.test(cookie))
              ?.split(";")[0];
            resolve({
              status: response.statusCode ?? 0,
              headers: response.headers,
              body: Buffer.concat(chunks).toString("utf8"),
              session,
            });
          });
        },
      );
      request.on("error", reject);
      request.end(body);
    });
  }
  const sameOrigin = () => ({ Origin: server.url });
  const post = (target: string, form: Record<string, string>, cookie?: string) =>
    send("POST", target, { form, headers: { ...sameOrigin(), ...(cookie ? { Cookie: cookie } : {}) } });
  /** The password, then (staff) the authenticator's code on /connexion/verification: the final answer. */
  async function signIn(key: string, cookie?: string, password = account(key).password) {
    const first = await post("/connexion", { email: account(key).email, password }, cookie);
    if (!first.headers.location?.startsWith("/connexion/verification")) return first;
    const pending = first.headers["set-cookie"]!.find((value) => value.startsWith("portail_connexion="))!;
    const code = await freshTotpCode(account(key).email, account(key).totpSecret!);
    const cookies = [pending.split(";")[0], ...(cookie ? [cookie] : [])].join("; ");
    return post(first.headers.location, { intent: "code", code }, cookies);
  }
  /** Who the cookie signs in: the e-mail shown on « Mon compte », or null when sent to sign in. */
  async function whoIs(cookie: string): Promise<string | null> {
    const page = await send("GET", "/compte", { headers: { Cookie: cookie } });
    if (page.status === 302) return null;
    expect(page.status).toBe(200);
    return DEMO_ACCOUNTS.find((demo) => page.body.includes(demo.email))?.email ?? "inconnu";
  }

  it("refuses a cross-site POST to every action, in French, and it changes nothing", async () => {
    const applicant = (await signIn("applicant")).session!;
    const admin = (await signIn("admin")).session!;
    const params = new Proxy({} as Record<string, string>, { get: () => dossierId });
    const targets = Object.entries(MATRIX)
      .filter(([, row]) => row.action || row.actions)
      .map(([file]) => urlOf(file, params));
    expect(targets.length).toBeGreaterThan(30);
    for (const target of targets) {
      for (const cookie of [applicant, admin]) {
        const foreign = await send("POST", target, {
          form: { intent: "x" },
          headers: { Cookie: cookie, Origin: "https://portail-ess.attaquant.example" },
        });
        expect(foreign.status, target).toBe(403);
        expect(foreign.body, target).toContain(CSRF_REFUSAL);
        const crossSite = await send("POST", target, {
          form: { intent: "x" },
          headers: { Cookie: cookie, "Sec-Fetch-Site": "cross-site" },
        });
        expect(crossSite.status, target).toBe(403);
      }
    }

    // What the forged forms would have done, had they passed: end the session, change the password.
    const newPassword = {
      currentPassword: account("applicant").password,
      password: "Nouveau-Mdp-2026!",
      passwordConfirmation: "Nouveau-Mdp-2026!",
    };
    const forged = { Cookie: applicant, Origin: "https://portail-ess.attaquant.example" };
    expect((await send("POST", "/deconnexion", { headers: forged })).status).toBe(403);
    expect(
      (
        await send("POST", "/compte", {
          headers: forged,
          form: { intent: "change-password", ...newPassword },
        })
      ).status,
    ).toBe(403);
    expect(await whoIs(applicant)).toBe(account("applicant").email);
    expect((await signIn("applicant")).session).toBeDefined();
    // The same form from the portal's own page goes through.
    expect((await post("/deconnexion", {}, applicant)).status).toBe(302);
  });

  it("gives a new session at sign-in, whatever cookie was there, and ends it on the server at sign-out", async () => {
    const planted = (await signIn("funder")).session!;
    const forged = `portail_session=${randomBytes(32).toString("base64url")}`;
    for (const before of [planted, forged]) {
      const after = await signIn("admin", before);
      expect(after.status).toBe(302);
      expect(after.session).toBeDefined();
      expect(after.session).not.toBe(before);
      expect(await whoIs(after.session!)).toBe(account("admin").email);
    }
    // The planted session is still the funder's: signing in never adopts the cookie it was sent.
    expect(await whoIs(planted)).toBe(account("funder").email);
    expect(await whoIs(forged)).toBeNull();

    const out = await post("/deconnexion", {}, planted);
    expect(out.status).toBe(302);
    expect(out.headers["set-cookie"]?.join(";")).toMatch(/portail_session=;.*Max-Age=0/i);
    // A copy of the cookie kept by someone else is dead too: the session was revoked server-side.
    expect(await whoIs(planted)).toBeNull();
  });

  it("asks staff for their code after the password, on a pending sign-in that opens no other page", async () => {
    const admin = account("admin");
    const first = await post("/connexion", { email: admin.email, password: admin.password });
    expect([first.status, first.headers.location, first.session]).toEqual([
      302,
      "/connexion/verification?redirectTo=%2Fadmin",
      undefined,
    ]);
    const set = first.headers["set-cookie"]!.find((value) => value.startsWith("portail_connexion="))!;
    expect(set).toMatch(/HttpOnly/i);
    expect(set).toMatch(/Path=\/connexion/i);
    const pending = set.split(";")[0]!;
    expect((await send("GET", "/admin", { headers: { Cookie: pending } })).headers.location).toMatch(
      /^\/connexion\?redirectTo=/,
    );
    const wrong = await post("/connexion/verification", { intent: "code", code: "000000" }, pending);
    expect([wrong.status, wrong.session]).toEqual([400, undefined]);
    expect(wrong.body).toContain("Ce code n’est pas valable");
    const code = await freshTotpCode(admin.email, admin.totpSecret!);
    const right = await post("/connexion/verification", { intent: "code", code }, pending);
    expect([right.status, right.headers.location]).toEqual([302, "/admin"]);
    expect(await whoIs(right.session!)).toBe(admin.email);
    // Used: the same pending sign-in (and the same code) opens nothing more.
    const again = await post("/connexion/verification", { intent: "code", code }, pending);
    expect([again.status, again.headers.location, again.session]).toEqual([302, "/connexion", undefined]);
  });

  it("sets the session cookie HttpOnly, SameSite=Lax, Secure, for the whole site and this host only", async () => {
    const answer = await signIn("instructor");
    const cookie = answer.headers["set-cookie"]!.find((value) => value.startsWith("portail_session="))!;
    const attributes = cookie
      .split(";")
      .slice(1)
      .map((part) => part.trim().toLowerCase());
    expect(attributes).toEqual(expect.arrayContaining(["httponly", "samesite=lax", "secure", "path=/"]));
    expect(attributes.some((attribute) => attribute.startsWith("domain="))).toBe(false);
    expect(attributes.some((attribute) => attribute.startsWith("max-age="))).toBe(true);
  });

  it("sends the security headers on a page, a download and the API", async () => {
    const applicant = (await signIn("applicant")).session!;
    const page = await send("GET", "/");
    const other = await send("GET", "/");
    const download = await send("GET", `/dossiers/${dossierId}/documents/recepisse`, {
      headers: { Cookie: applicant },
    });
    const api = await send("POST", "/api/eligibility", { json: { organisation: { department: "45" } } });
    expect([page.status, download.status, api.status]).toEqual([200, 200, 200]);
    expect(download.headers["content-type"]).toBe("application/pdf");
    expect(download.headers["content-disposition"]).toMatch(/^attachment/);

    const nonce = /script-src [^;]*'nonce-([^']+)'/.exec(
      String(page.headers["content-security-policy"]),
    )?.[1];
    expect(nonce).toBeDefined();
    expect(page.body).toContain(`nonce="${nonce}"`);
    expect(String(other.headers["content-security-policy"])).not.toContain(nonce);
    for (const [name, answer] of Object.entries({ page, download, api })) {
      const headers = answer.headers;
      expect(String(headers["content-security-policy"]), name).toContain("frame-ancestors 'none'");
      expect(headers["strict-transport-security"], name).toMatch(/max-age=\d{7,}/);
      expect(headers["x-content-type-options"], name).toBe("nosniff");
      expect(headers["referrer-policy"], name).toMatch(/^(strict-origin-when-cross-origin|no-referrer)$/);
      expect(headers["x-powered-by"], name).toBeUndefined();
    }
    // The development mailbox does not exist in production.
    expect((await send("GET", "/dev/mails")).status).toBe(404);
  });

  async function resetLink(email: string, after: Set<string>): Promise<string> {
    const asked = await post("/mot-de-passe-oublie", { email });
    expect(asked.status).toBe(200);
    // Production sends through SMTP: the server's own test SMTP server received it (tests/support/app-server).
    for (let attempt = 0; attempt < 200; attempt += 1) {
      for (const mail of await server.mails()) {
        if (!mail.messageId || after.has(mail.messageId)) continue;
        after.add(mail.messageId);
        const token = /\/reinitialiser-mot-de-passe\/([A-Za-z0-9_-]+)/.exec(mail.text ?? "")?.[1];
        if (sentTo(mail, email) && token) return `/reinitialiser-mot-de-passe/${token}`;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`Aucun e-mail de réinitialisation pour ${email}`);
  }

  it("lets a password reset link be used once, then never again, and not after it expires", async () => {
    const seen = new Set<string>();
    const open = (await signIn("applicantCooperative")).session!;
    const link = await resetLink(account("applicantCooperative").email, seen);
    expect((await send("GET", link)).body).toContain("Choisir un nouveau mot de passe");
    const password = "Reinitialise-2026!";
    const used = await post(link, { password, passwordConfirmation: password });
    expect(used.status).toBe(302);
    expect(used.headers.location).toBe("/connexion?motDePasseChange=1");
    // Every session ends with the reset, and the new password is the one that works.
    expect(await whoIs(open)).toBeNull();
    expect((await signIn("applicantCooperative", undefined, password)).status).toBe(302);

    // The log says which page was asked, never the link's secret, nor any query string.
    const token = link.split("/")[2]!;
    const secrets = ["jeton-invitation-secret", "jeton-activation-secret", "jeton-verification-secret"];
    await send("GET", `/invitations/${secrets[0]}`);
    await send("GET", `/activer-mon-compte/${secrets[1]}`);
    await send("GET", `/verifier-email/${secrets[2]}?utm=secret-de-requete`);
    // Each line is written once its response has finished: the last one may come just after the answer.
    await expect.poll(() => server.output()).toContain('"path":"/verifier-email/…"');
    const log = server.output();
    expect(log).toContain('"path":"/reinitialiser-mot-de-passe/…"');
    expect(log).toContain('"path":"/invitations/…"');
    expect(log).toContain('"path":"/activer-mon-compte/…"');
    expect(log).toContain('"path":"/verifier-email/…"');
    for (const secret of [token, ...secrets, "secret-de-requete"]) expect(log).not.toContain(secret);

    const again = await post(link, {
      password: "Encore-Une-Fois-2026!",
      passwordConfirmation: "Encore-Une-Fois-2026!",
    });
    expect(again.status).toBe(400);
    expect((await send("GET", link)).body).toContain("Lien expiré");
    expect((await signIn("applicantCooperative", undefined, "Encore-Une-Fois-2026!")).status).toBe(400);

    // A second link, left unused past its hour: the server is stopped, the clock moved on in the database.
    const late = await resetLink(account("applicantCooperative").email, seen);
    await server.stop();
    const pglite = new PGlite(dataDir);
    await pglite.exec(
      `UPDATE "UserToken" SET "expiresAt" = now() - interval '1 minute' WHERE "usedAt" IS NULL`,
    );
    await pglite.close();
    server = await startAppServer({ databaseUrl: `pglite:${dataDir}`, env: env() });
    expect((await send("GET", late)).body).toContain("Lien expiré");
    const expired = await post(late, {
      password: "Trop-Tard-2026!",
      passwordConfirmation: "Trop-Tard-2026!",
    });
    expect(expired.status).toBe(400);
    expect((await signIn("applicantCooperative", undefined, password)).status).toBe(302);
  });

  /** The digest's unsubscribe link as the server signs it, with its session secret. */
  function unsubscribeLink(digest: Digest, userId: string): string {
    const saved = process.env.SESSION_SECRET;
    process.env.SESSION_SECRET = APP_SERVER_SESSION_SECRET;
    try {
      return `/desabonnement/${unsubscribeToken(digest, userId)}`;
    } finally {
      if (saved === undefined) delete process.env.SESSION_SECRET;
      else process.env.SESSION_SECRET = saved;
    }
  }

  it("unsubscribes from a digest by the email's one-click POST, without signing in; a forged link names nobody", async () => {
    const link = unsubscribeLink("recapitulatif-quotidien", instructorId);
    // Opening the link changes nothing (link checkers and previews open links): the page asks for a click.
    for (let look = 0; look < 2; look++) {
      const page = await send("GET", link);
      expect(page.status).toBe(200);
      expect(page.body.replaceAll("<!-- -->", "")).toContain(
        `Vous recevez le récapitulatif quotidien de vos dossiers à l’adresse <strong>${account("instructor").email}</strong>`,
      );
    }
    // Another person's id under this signature, or another digest: not found, in French, nothing changes.
    const forged = link.replace(instructorId, dossierId);
    const refused = await send("POST", forged, { form: { "List-Unsubscribe": "One-Click" } });
    expect(refused.status).toBe(404);
    expect(refused.body).toContain("Ce lien de désabonnement n’est pas valable");
    expect(
      (await send("GET", link.replace("recapitulatif-quotidien", "recapitulatif-financeurs"))).status,
    ).toBe(404);
    expect((await send("GET", link)).body).toContain("Me désabonner");

    // The mail client's one-click POST (RFC 8058) comes from a mail server: no cookie, no Origin.
    const click = await send("POST", link, { form: { "List-Unsubscribe": "One-Click" } });
    expect(click.status).toBe(200);
    expect(click.body.replaceAll("<!-- -->", "")).toContain(
      "ne reçoit plus le récapitulatif quotidien de vos dossiers",
    );
    const after = await send("GET", link);
    expect(after.body.replaceAll("<!-- -->", "")).toContain(
      "ne reçoit pas (ou plus) le récapitulatif quotidien",
    );
    expect(after.body).not.toContain("Me désabonner");

    // The request log names the page, never the link's signature.
    await expect.poll(() => server.output()).toContain('"path":"/desabonnement/…"');
    expect(server.output()).not.toContain(link.split(".").at(-1)!);
  });

  it("limits reset emails per address and per network, answering alike whether the account exists or not", async () => {
    // The reset test above asked twice from this address: 8 more fit within the hour's 10.
    const ask = (email: string) => post("/mot-de-passe-oublie", { email });
    const refusal = (body: string) =>
      /Trop de demandes de réinitialisation en peu de temps\. Réessayez dans \d+\u00a0minutes?\./.exec(
        body,
      )?.[0];
    const unknown = "personne-inconnue@exemple.fr";
    const known = account("applicant").email;
    for (const email of [unknown, unknown, unknown, known, known, known]) {
      const answer = await ask(email);
      expect([answer.status, answer.body]).toEqual([200, expect.stringContaining("Si un compte existe")]);
    }
    const [toUnknown, toKnown] = [await ask(unknown), await ask(known)];
    expect([toUnknown.status, toKnown.status]).toEqual([429, 429]);
    expect(refusal(toUnknown.body)).toBeDefined();
    expect(refusal(toUnknown.body)).toBe(refusal(toKnown.body));
    // Two more addresses reach the network's 10 an hour; the next one is refused although it is new.
    expect((await ask("autre-1@exemple.fr")).status).toBe(200);
    expect((await ask("autre-2@exemple.fr")).status).toBe(200);
    const third = await ask("autre-3@exemple.fr");
    expect([third.status, refusal(third.body)]).toEqual([429, expect.any(String)]);
  });

  it("limits the invitations an organisation's owner sends to one address, in French, sending nothing more", async () => {
    const owner = (await signIn("applicant")).session!;
    const home = await send("GET", "/espace", { headers: { Cookie: owner } });
    const organisation = /href="(\/organisations\/[^"/?]+)"/.exec(home.body)?.[1];
    expect(organisation).toBeDefined();
    const invite = () =>
      post(
        organisation!,
        { intent: "invite", email: "tresoriere-invitee@exemple.fr", role: "MEMBER" },
        owner,
      );
    for (let round = 0; round < 3; round++) expect((await invite()).status).toBe(302);
    const refused = await invite();
    expect(refused.status).toBe(429);
    expect(refused.body).toMatch(/Trop d’invitations en peu de temps\. Réessayez dans \d+\u00a0minutes?\./);
  });

  // Last: it leaves this address limited for a quarter of an hour.
  it("slows down repeated failed sign-ins per account, then per address, with a French message", async () => {
    const wrong = await Promise.all(
      Array.from({ length: 5 }, () => signIn("admin", undefined, "mauvais-mot-de-passe")),
    );
    expect(wrong.map((answer) => answer.status)).toEqual([400, 400, 400, 400, 400]);
    const limited = await signIn("admin");
    expect(limited.status).toBe(400);
    expect(limited.body).toContain(RATE_LIMITED);
    expect(limited.session).toBeUndefined();
    // Another account from the same address still signs in: that limit is the account's.
    expect((await signIn("funder")).status).toBe(302);

    // Failures spread over other addresses in X-Forwarded-For still count against this one (no proxy trusted).
    const failures = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        send("POST", "/connexion", {
          form: { email: `inconnu-${index}@example.fr`, password: "mauvais-mot-de-passe" },
          headers: { ...sameOrigin(), "X-Forwarded-For": `203.0.113.${index}` },
        }),
      ),
    );
    expect(failures.every((answer) => answer.status === 400)).toBe(true);
    const blocked = await signIn("instructor");
    expect(blocked.status).toBe(400);
    expect(blocked.body).toContain(RATE_LIMITED);
    expect(blocked.session).toBeUndefined();
  });
});
