// Two instances of the portal (`node server.mjs` on the production build, each in its own process and on
// its own port) against one PostgreSQL database and one shared storage folder, as behind a load balancer:
// a session opened on one is honoured and ended on the other, dossiers filed on both at once get distinct
// gap-free numbers, both outbox workers deliver each email exactly once to one real SMTP server, and the
// sign-in limit counts failures made on either instance.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { parseDossierNumber } from "~/domain/dossier-number";
import { parisYear } from "~/domain/paris-time";
import { MembershipRole, OutboxStatus, SchemeCode, UserRole } from "~/generated/prisma/enums";
import { INVALID_CREDENTIALS } from "~/services/accounts/accounts.server";
import { hashPassword } from "~/services/accounts/password.server";
import { MAX_FAILURES_PER_ACCOUNT } from "~/services/accounts/rate-limit.server";
import { startDossier } from "~/services/applicant/dossiers.server";
import { enqueueEmail } from "~/services/platform/outbox.server";
import { passwordReset } from "~emails/password-reset";

import { CAP_ASSO_DOSSIERS } from "../../seeds/demo/dossiers-cap-asso";
import { demoSiret } from "../../seeds/demo/identifiers";
import { DEMO_ORGANISATIONS } from "../../seeds/demo/organisations";
import { startAppServer, type AppServer } from "../support/app-server";
import { createWorld, saveAll, uploadRequiredPieces, type World } from "../support/instruction-world";
import { cookieFrom } from "../support/requests";
import { sentTo, startSmtpServer, type TestSmtpServer } from "../support/smtp";

const PASSWORD = "Un mot de passe assez long 2026";
const DRAFTS_PER_OWNER = 5;
/** Enqueued at once on top of the filings' emails: more than one worker batch, so both claim at once. */
const BURST = 40;

interface Owner {
  id: string;
  email: string;
  drafts: string[];
}

function signIn(url: string, email: string, password: string): Promise<Response> {
  return fetch(`${url}/connexion`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: url, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password, redirectTo: "" }),
  });
}

async function cookieFor(url: string, email: string): Promise<string> {
  const response = await signIn(url, email, PASSWORD);
  expect(response.status).toBe(302);
  return cookieFrom(response);
}

async function createOwner(world: World, index: number, passwordHash: string) {
  const user = await world.db.user.create({
    data: {
      email: `porteur${index}@exemple.fr`,
      passwordHash,
      firstName: `Porteur${index}`,
      lastName: "Martin",
      role: UserRole.APPLICANT,
      emailVerifiedAt: new Date(),
    },
  });
  return user;
}

/** An owner, their demo organisation and complete CAP ASSO drafts, saved and uploaded as in the browser. */
async function prepareOwner(world: World, index: number, passwordHash: string): Promise<Owner> {
  const { db } = world;
  const demo = CAP_ASSO_DOSSIERS[index % CAP_ASSO_DOSSIERS.length]!;
  const user = await createOwner(world, index, passwordHash);
  const {
    owner: _owner,
    members: _members,
    esusApprovalDate,
    ...fields
  } = DEMO_ORGANISATIONS[demo.organisation];
  const organisation = await db.organisation.create({
    data: {
      ...fields,
      siret: fields.siret ? demoSiret(String(72_000_000 + index), "0001") : null,
      esusApproved: Boolean(esusApprovalDate),
      esusApprovalDate: esusApprovalDate ?? null,
      memberships: { create: { userId: user.id, role: MembershipRole.OWNER } },
    },
  });
  const drafts: string[] = [];
  for (let draft = 0; draft < DRAFTS_PER_OWNER; draft += 1) {
    const { id } = await startDossier(db, {
      userId: user.id,
      organisationId: organisation.id,
      schemeCode: SchemeCode.CAP_ASSO,
    });
    await saveAll(world, user.id, id, demo.answers);
    await uploadRequiredPieces(world, user.id, id);
    drafts.push(id);
  }
  return { id: user.id, email: user.email, drafts };
}

describe.skipIf(!process.env.TEST_DATABASE_URL)("two app instances on one PostgreSQL", () => {
  let world: World;
  let smtp: TestSmtpServer;
  let a: AppServer;
  let b: AppServer;
  let owners: Owner[];

  beforeAll(async () => {
    world = await createWorld("postgresql");
    smtp = await startSmtpServer();
    const passwordHash = await hashPassword(PASSWORD);
    owners = await Promise.all(
      CAP_ASSO_DOSSIERS.map((_demo, index) => prepareOwner(world, index, passwordHash)),
    );
    const { port } = smtp.transport.options as { port: number };
    const start = () =>
      startAppServer({
        databaseUrl: world.database.url,
        // One storage for both, as S3 would be: a receipt stored by A is attached to the email B may send.
        env: { SMTP_URL: `smtp://127.0.0.1:${port}`, STORAGE_DIR: world.root },
      });
    [a, b] = await Promise.all([start(), start()]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await smtp?.close();
    await world?.database.close();
  });

  it("honours on B a session opened on A, and signing out on B ends it on A", async () => {
    const owner = owners[0]!;
    const cookie = await cookieFor(a.url, owner.email);

    const onB = await fetch(`${b.url}/espace`, { headers: { Cookie: cookie }, redirect: "manual" });
    expect(onB.status).toBe(200);
    expect(await onB.text()).toContain("Porteur0");

    const signOut = await fetch(`${b.url}/deconnexion`, {
      method: "POST",
      headers: { Cookie: cookie, Origin: b.url },
      redirect: "manual",
    });
    expect(signOut.status).toBe(302);

    const onA = await fetch(`${a.url}/espace`, { headers: { Cookie: cookie }, redirect: "manual" });
    expect(onA.status).toBe(302);
    expect(onA.headers.get("location")).toBe("/connexion?redirectTo=%2Fespace");
  });

  it("numbers dossiers filed on both instances at once without duplicate or gap", async () => {
    const cookies = await Promise.all(owners.map((owner) => cookieFor(a.url, owner.email)));
    // Through the filing step's form, as without JavaScript: every other dossier on the other instance.
    const filings = owners.flatMap((owner, index) =>
      owner.drafts.map((dossierId, draft) => {
        const server = (index + draft) % 2 === 0 ? a : b;
        return fetch(`${server.url}/dossiers/${dossierId}/depot`, {
          method: "POST",
          redirect: "manual",
          headers: {
            Cookie: cookies[index]!,
            Origin: server.url,
            "Content-Type": "application/x-www-form-urlencoded",
          },
          body: new URLSearchParams({ declaration: "on" }),
        });
      }),
    );
    const responses = await Promise.all(filings);
    const ids = owners.flatMap((owner) => owner.drafts);
    expect(responses.map((response) => response.status)).toEqual(ids.map(() => 302));
    expect(responses.map((response) => response.headers.get("location"))).toEqual(
      ids.map((id) => `/dossiers/${id}?message=depose`),
    );
    const dossiers = await world.db.dossier.findMany({ where: { id: { in: ids } } });
    const sequences = dossiers
      .map((dossier) => {
        const parsed = parseDossierNumber(dossier.number ?? "");
        expect(parsed).toMatchObject({ year: parisYear(new Date()) });
        return parsed!.sequence;
      })
      .sort((x, y) => x - y);
    expect(sequences).toEqual(ids.map((_id, index) => index + 1));
    // Each instance filed some: the test would prove nothing if one had done all the work.
    for (const server of [a, b]) {
      expect(server.output()).toMatch(/"method":"POST","path":"\/dossiers\/[^/]+\/depot","status":302/);
    }
  }, 60_000);

  it("delivers each email exactly once while both instances run their outbox worker", async () => {
    await world.db.$transaction(async (tx) => {
      for (let index = 0; index < BURST; index += 1) {
        await enqueueEmail(tx, {
          ...passwordReset({ firstName: "Alex", url: `${a.url}/reinitialiser-mot-de-passe/${index}` }),
          to: `rafale${index}@exemple.fr`,
        });
      }
    });
    const rows = await world.db.outboxEmail.findMany({ select: { id: true } });
    const filed = owners.length * DRAFTS_PER_OWNER;
    expect(rows).toHaveLength(filed + BURST);

    await expect
      .poll(() => world.db.outboxEmail.count({ where: { status: { not: OutboxStatus.SENT } } }), {
        timeout: 30_000,
        interval: 250,
      })
      .toBe(0);
    // One more round of both workers: a row sent twice would show up now.
    await new Promise((resolve) => setTimeout(resolve, 3_000));

    const messages = await smtp.messages();
    expect(messages.map((message) => message.messageId).sort()).toEqual(
      rows.map((row) => `<${row.id}@portail-ess.outbox>`).sort(),
    );
    for (const owner of owners) {
      const received = messages.filter((message) => sentTo(message, owner.email));
      expect(received).toHaveLength(DRAFTS_PER_OWNER);
      // The receipt, stored by whichever instance filed, read back by whichever instance sent.
      for (const message of received) {
        expect(message.attachments.map((file) => file.filename)).toEqual([
          expect.stringMatching(/^Récépissé CAPASSO-\d{4}-\d{5}\.pdf$/),
        ]);
        expect(message.attachments[0]!.content.subarray(0, 5).toString()).toBe("%PDF-");
      }
    }
  }, 60_000);

  it("blocks sign-in after the same number of failures when they alternate between instances", async () => {
    const victim = await createOwner(world, 99, await hashPassword(PASSWORD));
    for (let attempt = 0; attempt < MAX_FAILURES_PER_ACCOUNT; attempt += 1) {
      const response = await signIn([a, b][attempt % 2]!.url, victim.email, "mauvais mot de passe");
      expect(response.status).toBe(400);
      expect(await response.text()).toContain(INVALID_CREDENTIALS);
    }
    // The right password no longer opens the account, on either instance.
    for (const server of [b, a]) {
      const response = await signIn(server.url, victim.email, PASSWORD);
      expect(response.status).toBe(400);
      expect(await response.text()).toContain("Trop de tentatives de connexion");
    }
  }, 30_000);
});
