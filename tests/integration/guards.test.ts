import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { UserRole } from "~/generated/prisma/enums";
import { createGuards, FORBIDDEN_MESSAGE } from "~/services/accounts/guards.server";
import { createSession, revokeSession, SESSION_TTL_MS } from "~/services/accounts/sessions.server";

import { createTestDatabase, databaseKinds, type TestDatabase } from "../support/database";
import { getRequest } from "../support/requests";

const ROLES = Object.values(UserRole);
const COOKIE_NAME = "session_de_test";

/** Reads the session token from a plain cookie, as a browser would send it. */
async function readToken(request: Request): Promise<string | null> {
  const cookies = request.headers.get("Cookie") ?? "";
  for (const part of cookies.split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === COOKIE_NAME) return value.join("=") || null;
  }
  return null;
}

const requestAs = (token: string | null, path = "/espace") =>
  getRequest(path, token ? { cookie: `${COOKIE_NAME}=${token}` } : {});

/** What a guard threw (it throws Responses), or fails the test if it let the request through. */
async function thrown(promise: Promise<unknown>): Promise<Response> {
  const outcome = await promise.then(
    (value) => ({ passed: true as const, value }),
    (reason: unknown) => ({ passed: false as const, reason }),
  );
  if (outcome.passed) throw new Error(`The guard let the request through: ${JSON.stringify(outcome.value)}`);
  expect(outcome.reason).toBeInstanceOf(Response);
  return outcome.reason as Response;
}

async function expectSignInRedirect(promise: Promise<unknown>, wanted: string) {
  const response = await thrown(promise);
  expect(response.status).toBe(302);
  const location = new URL(response.headers.get("Location")!, "http://localhost:3000");
  expect(location.pathname).toBe("/connexion");
  expect(location.searchParams.get("redirectTo")).toBe(wanted);
}

describe.each(databaseKinds())("role guards on %s", (kind) => {
  let database: TestDatabase;
  let guards: ReturnType<typeof createGuards>;
  const people = new Map<UserRole, { id: string; email: string; token: string }>();

  async function createPerson(role: UserRole, name: string) {
    const user = await database.db.user.create({
      data: {
        email: `${name}@example.fr`,
        passwordHash: "non-utilise-ici",
        firstName: "Dominique",
        lastName: name,
        role,
      },
    });
    return { id: user.id, email: user.email, token: await createSession(database.db, user.id) };
  }

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    guards = createGuards(database.db, readToken);
    for (const role of ROLES) people.set(role, await createPerson(role, role.toLowerCase()));
  });

  afterAll(async () => {
    await database?.close();
  });

  it.each(ROLES)("lets a signed-in %s through to their own role's pages", async (role) => {
    const person = people.get(role)!;
    const request = requestAs(person.token);
    const expected = { id: person.id, email: person.email, role };
    expect(await guards.requireRole(request, role)).toMatchObject(expected);
    expect(await guards.requireUser(request)).toMatchObject(expected);
    expect(await guards.getOptionalUser(request)).toMatchObject(expected);
  });

  it.each(ROLES)("refuses a %s with a 403 and a French message on each other role's pages", async (role) => {
    const request = requestAs(people.get(role)!.token, "/admin");
    const others = ROLES.filter((other) => other !== role);
    expect(others).toHaveLength(3);
    for (const other of others) {
      const response = await thrown(guards.requireRole(request, other));
      expect(response.status).toBe(403);
      expect(await response.text()).toBe(FORBIDDEN_MESSAGE);
    }
    expect(FORBIDDEN_MESSAGE).toBe("Vous n’avez pas accès à cette page.");
  });

  it("lets a person through a page open to several roles only if theirs is among them", async () => {
    const staffOnly = [UserRole.INSTRUCTOR, UserRole.ADMIN];
    const admin = people.get(UserRole.ADMIN)!;
    expect(await guards.requireRole(requestAs(admin.token), staffOnly)).toMatchObject({ id: admin.id });
    const applicant = requestAs(people.get(UserRole.APPLICANT)!.token);
    expect((await thrown(guards.requireRole(applicant, staffOnly))).status).toBe(403);
  });

  it("sends a signed-out visitor to the sign-in page, remembering the page they asked for", async () => {
    const wanted = "/instruction/dossiers?statut=DEPOSE&page=2";
    const request = requestAs(null, wanted);
    expect(await guards.getOptionalUser(request)).toBeNull();
    await expectSignInRedirect(guards.requireUser(request), wanted);
    for (const role of ROLES) await expectSignInRedirect(guards.requireRole(request, role), wanted);
  });

  it("treats an unknown session token as signed out", async () => {
    const request = requestAs("jeton-invente", "/espace");
    expect(await guards.getOptionalUser(request)).toBeNull();
    await expectSignInRedirect(guards.requireRole(request, UserRole.APPLICANT), "/espace");
  });

  it("treats a revoked session as signed out, without signing the person out elsewhere", async () => {
    const admin = people.get(UserRole.ADMIN)!;
    const revoked = await createSession(database.db, admin.id);
    expect(await guards.requireRole(requestAs(revoked, "/admin"), UserRole.ADMIN)).toMatchObject({
      id: admin.id,
    });

    await revokeSession(database.db, revoked);

    const request = requestAs(revoked, "/admin");
    expect(await guards.getOptionalUser(request)).toBeNull();
    await expectSignInRedirect(guards.requireUser(request), "/admin");
    await expectSignInRedirect(guards.requireRole(request, UserRole.ADMIN), "/admin");
    expect(await guards.requireRole(requestAs(admin.token), UserRole.ADMIN)).toMatchObject({ id: admin.id });
  });

  it("treats an expired session as signed out", async () => {
    const instructor = people.get(UserRole.INSTRUCTOR)!;
    const expired = await createSession(database.db, instructor.id, {
      now: new Date(Date.now() - SESSION_TTL_MS - 60_000),
    });
    await expectSignInRedirect(
      guards.requireRole(requestAs(expired, "/instruction"), UserRole.INSTRUCTOR),
      "/instruction",
    );
  });

  it("treats a deactivated person's session as signed out", async () => {
    const funder = await createPerson(UserRole.FUNDER, "financeur-desactive");
    expect(await guards.requireRole(requestAs(funder.token), UserRole.FUNDER)).toMatchObject({
      id: funder.id,
    });
    await database.db.user.update({ where: { id: funder.id }, data: { deactivatedAt: new Date() } });
    await expectSignInRedirect(
      guards.requireRole(requestAs(funder.token, "/financeurs"), UserRole.FUNDER),
      "/financeurs",
    );
  });
});
