import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { AUDIT_ACTIONS } from "~/domain/audit";
import { UserRole } from "~/generated/prisma/enums";
import { appUrl } from "~/env.server";
import {
  authenticate,
  changePassword,
  confirmEmail,
  INVALID_CREDENTIALS,
  isResetTokenValid,
  requestPasswordReset,
  resendVerification,
  resetPassword,
  signUp,
} from "~/services/accounts/accounts.server";
import { hashPassword, verifyPassword } from "~/services/accounts/password.server";
import {
  purgeOldAttempts,
  rateLimitMessage,
  recordLoginFailure,
} from "~/services/accounts/rate-limit.server";
import {
  closeOwnSession,
  createSession,
  findSessionUser,
  listActiveSessions,
  revokeAllSessions,
  revokeSession,
  SESSION_TTL_MS,
} from "~/services/accounts/sessions.server";

import { createTestDatabase, databaseKinds, type TestDatabase } from "../support/database";

const PASSWORD = "correct-cheval-pile-agrafe";
const NEW_PASSWORD = "un-nouveau-mot-de-passe-solide";
const T0 = new Date("2026-03-02T09:00:00.000Z");
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const at = (offsetMs: number) => new Date(T0.getTime() + offsetMs);

describe.each(databaseKinds())("accounts on %s", (kind) => {
  let database: TestDatabase;
  // scrypt is slow on purpose: people created directly in the database share one precomputed hash.
  let sharedHash: string;
  let counter = 0;

  const uniqueEmail = () => `personne${++counter}@example.fr`;

  async function createPerson(overrides: { email?: string; role?: UserRole } = {}) {
    return database.db.user.create({
      data: {
        email: overrides.email ?? uniqueEmail(),
        passwordHash: sharedHash,
        firstName: "Camille",
        lastName: `Martin${counter}`,
        role: overrides.role ?? UserRole.APPLICANT,
      },
    });
  }

  /** The token of the single link to `path` emailed to `to` (read from the outbox, as the person would). */
  async function emailedToken(to: string, path: "/verifier-email/" | "/reinitialiser-mot-de-passe/") {
    const emails = await database.db.outboxEmail.findMany({ where: { to } });
    const tokens = emails.flatMap((email) => {
      const match = new RegExp(`${path}([\\w-]+)`).exec(email.text);
      return match ? [match[1]!] : [];
    });
    expect(tokens).toHaveLength(1);
    return tokens[0]!;
  }

  async function counts() {
    const { db } = database;
    return {
      users: await db.user.count(),
      tokens: await db.userToken.count(),
      emails: await db.outboxEmail.count(),
      audit: await db.auditLog.count(),
    };
  }

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    sharedHash = await hashPassword(PASSWORD);
  });

  afterAll(async () => {
    await database?.close();
  });

  describe("signing up", () => {
    const email = "camille.martin@example.fr";

    it("stores a scrypt hash of the password, never the password itself", async () => {
      const result = await signUp(database.db, {
        firstName: "Camille",
        lastName: "Martin",
        email,
        password: PASSWORD,
      });
      expect(result.ok).toBe(true);
      const user = await database.db.user.findUniqueOrThrow({ where: { email } });
      expect(result).toEqual({ ok: true, value: { userId: user.id } });
      expect(user.role).toBe(UserRole.APPLICANT);
      expect(user.emailVerifiedAt).toBeNull();
      // The cost the suite sets (PASSWORD_HASH_COST, vitest.config.ts) is the one stored with the hash.
      const n = 2 ** Number(process.env.PASSWORD_HASH_COST);
      expect(user.passwordHash).toMatch(new RegExp(`^scrypt\\$${n}\\$8\\$1\\$[\\w+/=]+\\$[\\w+/=]+$`));
      expect(user.passwordHash).not.toContain(PASSWORD);
      expect(await verifyPassword(PASSWORD, user.passwordHash)).toBe(true);
      expect(await verifyPassword("pas-le-bon-mot-de-passe", user.passwordHash)).toBe(false);
    });

    it("puts the verification email and its link in the outbox", async () => {
      const emails = await database.db.outboxEmail.findMany({ where: { to: email } });
      expect(emails).toHaveLength(1);
      const [message] = emails;
      expect(message).toMatchObject({
        template: "verify-email",
        subject: "Confirmez votre adresse e-mail",
        status: "PENDING",
      });
      const token = await emailedToken(email, "/verifier-email/");
      expect(message!.text).toContain(appUrl(`/verifier-email/${token}`));
      expect(message!.html).toContain(appUrl(`/verifier-email/${token}`));
      // Only the hash of the link's token is stored: the database alone cannot confirm an address.
      const stored = await database.db.userToken.findMany({ where: { user: { email } } });
      expect(stored).toHaveLength(1);
      expect(stored[0]!.tokenHash).not.toBe(token);
    });

    it("refuses an address that already has an account, whatever its case, and creates nothing", async () => {
      const before = await counts();
      for (const variant of [email, "Camille.Martin@Example.FR", "  CAMILLE.MARTIN@EXAMPLE.FR "]) {
        const result = await signUp(database.db, {
          firstName: "Autre",
          lastName: "Personne",
          email: variant,
          password: "un-autre-mot-de-passe",
        });
        expect(result).toEqual({
          ok: false,
          field: "email",
          error:
            "Un compte existe déjà avec cette adresse e-mail. Connectez-vous ou réinitialisez votre mot de passe.",
        });
      }
      expect(await counts()).toEqual(before);
    });

    it("gives the same French refusal, not a crash, when two people sign up with one address at once", async () => {
      const racing = "course@example.fr";
      const input = { firstName: "Alex", lastName: "Durand", email: racing, password: PASSWORD };
      const results = await Promise.all([signUp(database.db, input), signUp(database.db, input)]);
      expect(results.filter((result) => result.ok)).toHaveLength(1);
      expect(results.find((result) => !result.ok)).toMatchObject({
        ok: false,
        field: "email",
        error: expect.stringContaining("Un compte existe déjà"),
      });
      expect(await database.db.user.count({ where: { email: racing } })).toBe(1);
      expect(await database.db.outboxEmail.count({ where: { to: racing } })).toBe(1);
    });
  });

  describe("confirming the email address", () => {
    it("confirms the address once; the same link then fails with a French message", async () => {
      const person = await createPerson();
      await resendVerification(database.db, person.id, T0);
      const token = await emailedToken(person.email, "/verifier-email/");

      expect(await confirmEmail(database.db, token, at(MINUTE))).toEqual({ ok: true, value: undefined });
      const confirmed = await database.db.user.findUniqueOrThrow({ where: { id: person.id } });
      expect(confirmed.emailVerifiedAt).toEqual(at(MINUTE));

      expect(await confirmEmail(database.db, token, at(2 * MINUTE))).toEqual({
        ok: false,
        error: "Ce lien de confirmation n’est plus valable. Demandez-en un nouveau depuis votre compte.",
      });
      // Once confirmed, asking again sends nothing.
      await resendVerification(database.db, person.id, at(3 * MINUTE));
      expect(await database.db.outboxEmail.count({ where: { to: person.email } })).toBe(1);
    });

    it("accepts the link for 48 hours and refuses it afterwards with a French message", async () => {
      const person = await createPerson();
      await resendVerification(database.db, person.id, T0);
      const token = await emailedToken(person.email, "/verifier-email/");

      const late = await confirmEmail(database.db, token, at(48 * HOUR));
      expect(late).toEqual({ ok: false, error: expect.stringContaining("n’est plus valable") });
      const user = await database.db.user.findUniqueOrThrow({ where: { id: person.id } });
      expect(user.emailVerifiedAt).toBeNull();

      expect(await confirmEmail(database.db, token, at(48 * HOUR - MINUTE))).toEqual({
        ok: true,
        value: undefined,
      });
    });

    it("does not accept a random or a password-reset token as a confirmation link", async () => {
      const person = await createPerson();
      await requestPasswordReset(database.db, person.email, T0);
      const resetToken = await emailedToken(person.email, "/reinitialiser-mot-de-passe/");

      expect((await confirmEmail(database.db, resetToken, at(MINUTE))).ok).toBe(false);
      expect((await confirmEmail(database.db, "n-importe-quoi", at(MINUTE))).ok).toBe(false);
      const user = await database.db.user.findUniqueOrThrow({ where: { id: person.id } });
      expect(user.emailVerifiedAt).toBeNull();
    });
  });

  describe("resetting a forgotten password", () => {
    it("gives an unknown address the same answer as a known one, and changes nothing", async () => {
      const person = await createPerson();
      const known = await requestPasswordReset(database.db, person.email, T0);
      expect(await database.db.outboxEmail.count({ where: { to: person.email } })).toBe(1);

      const before = await counts();
      const unknown = await requestPasswordReset(database.db, "inconnu@example.fr", T0);
      expect(unknown).toEqual(known);
      expect(await counts()).toEqual(before);
    });

    it("sets the new password through the emailed link, once, and signs the person out everywhere", async () => {
      const person = await createPerson();
      const sessions = [
        await createSession(database.db, person.id, { userAgent: "Firefox", now: T0 }),
        await createSession(database.db, person.id, { userAgent: "Téléphone", now: T0 }),
      ];
      await requestPasswordReset(database.db, person.email, T0);
      const [message] = await database.db.outboxEmail.findMany({ where: { to: person.email } });
      expect(message).toMatchObject({ template: "password-reset" });
      const token = await emailedToken(person.email, "/reinitialiser-mot-de-passe/");
      expect(message!.text).toContain(appUrl(`/reinitialiser-mot-de-passe/${token}`));
      expect(await isResetTokenValid(database.db, token, at(MINUTE))).toBe(true);

      expect(await resetPassword(database.db, token, NEW_PASSWORD, at(2 * MINUTE))).toEqual({
        ok: true,
        value: undefined,
      });

      expect(await isResetTokenValid(database.db, token, at(3 * MINUTE))).toBe(false);
      expect(await resetPassword(database.db, token, "encore-un-autre-mot-de-passe", at(3 * MINUTE))).toEqual(
        {
          ok: false,
          error: "Ce lien de réinitialisation n’est plus valable. Faites une nouvelle demande.",
        },
      );
      for (const session of sessions) {
        expect(await findSessionUser(database.db, session, at(3 * MINUTE))).toBeNull();
      }
      expect(await listActiveSessions(database.db, person, at(3 * MINUTE))).toEqual([]);

      const ip = "203.0.113.10";
      const withNew = await authenticate(database.db, {
        email: person.email,
        password: NEW_PASSWORD,
        ip,
        now: at(4 * MINUTE),
      });
      expect(withNew).toEqual({
        ok: true,
        value: { userId: person.id, role: UserRole.APPLICANT, secondFactor: false },
      });
      const withOld = await authenticate(database.db, {
        email: person.email,
        password: PASSWORD,
        ip,
        now: at(5 * MINUTE),
      });
      expect(withOld).toEqual({ ok: false, error: INVALID_CREDENTIALS });
    });

    it("refuses a reset link after one hour and leaves the password alone", async () => {
      const person = await createPerson();
      await requestPasswordReset(database.db, person.email, T0);
      const token = await emailedToken(person.email, "/reinitialiser-mot-de-passe/");

      expect(await isResetTokenValid(database.db, token, at(HOUR - MINUTE))).toBe(true);
      expect(await isResetTokenValid(database.db, token, at(HOUR))).toBe(false);
      expect(await resetPassword(database.db, token, NEW_PASSWORD, at(HOUR))).toEqual({
        ok: false,
        error: expect.stringContaining("n’est plus valable"),
      });
      const user = await database.db.user.findUniqueOrThrow({ where: { id: person.id } });
      expect(user.passwordHash).toBe(sharedHash);
    });
  });

  describe("changing the password", () => {
    it("requires the current password, then replaces it", async () => {
      const person = await createPerson();

      const refused = await changePassword(database.db, person.id, "pas-le-bon-mot-de-passe", NEW_PASSWORD);
      expect(refused).toEqual({
        ok: false,
        field: "currentPassword",
        error: "Le mot de passe actuel est incorrect.",
      });
      const unchanged = await database.db.user.findUniqueOrThrow({ where: { id: person.id } });
      expect(unchanged.passwordHash).toBe(sharedHash);

      expect(await changePassword(database.db, person.id, PASSWORD, NEW_PASSWORD)).toEqual({
        ok: true,
        value: undefined,
      });
      const signIn = await authenticate(database.db, {
        email: person.email,
        password: NEW_PASSWORD,
        ip: "203.0.113.20",
        now: T0,
      });
      expect(signIn.ok).toBe(true);
    });
  });

  describe("signing in", () => {
    it("signs in with the right password, whatever the case of the address, and records it", async () => {
      // An applicant without a second factor: staff are signed in (and audited) once their code is right.
      const person = await createPerson();
      const ip = "203.0.113.30";
      const result = await authenticate(database.db, {
        email: person.email.toUpperCase(),
        password: PASSWORD,
        ip,
        now: T0,
      });
      expect(result).toEqual({
        ok: true,
        value: { userId: person.id, role: UserRole.APPLICANT, secondFactor: false },
      });
      expect(
        await database.db.auditLog.count({ where: { actorId: person.id, action: AUDIT_ACTIONS.signIn, ip } }),
      ).toBe(1);
    });

    it("gives the same French message for a wrong password and for an unknown address", async () => {
      const person = await createPerson();
      const ip = "203.0.113.31";
      const wrong = await authenticate(database.db, {
        email: person.email,
        password: "pas-le-bon-mot-de-passe",
        ip,
        now: T0,
      });
      const unknown = await authenticate(database.db, {
        email: "personne-inconnue@example.fr",
        password: PASSWORD,
        ip,
        now: T0,
      });
      expect(wrong).toEqual({ ok: false, error: INVALID_CREDENTIALS });
      expect(unknown).toEqual(wrong);
      expect(INVALID_CREDENTIALS).toBe("Adresse e-mail ou mot de passe incorrect.");
      expect(await database.db.auditLog.count({ where: { action: AUDIT_ACTIONS.signInFailed, ip } })).toBe(2);
    });

    it("locks an account after 5 failures, even for the right password, until the window passes", async () => {
      const person = await createPerson();
      const attempt = (password: string, now: Date, ip = "198.51.100.1") =>
        authenticate(database.db, { email: person.email, password, ip, now });

      for (let minute = 0; minute < 5; minute += 1) {
        expect(await attempt("pas-le-bon-mot-de-passe", at(minute * MINUTE))).toEqual({
          ok: false,
          error: INVALID_CREDENTIALS,
        });
      }

      const locked = await attempt(PASSWORD, at(5 * MINUTE));
      expect(locked).toEqual({
        ok: false,
        error: "Trop de tentatives de connexion. Pour protéger votre compte, réessayez dans 10 minutes.",
      });
      // The lock is on the account, wherever the attempt comes from.
      expect(await attempt(PASSWORD, at(6 * MINUTE), "198.51.100.2")).toEqual({
        ok: false,
        error: rateLimitMessage(at(15 * MINUTE), at(6 * MINUTE)),
      });
      expect(await attempt(PASSWORD, at(15 * MINUTE - 1_000))).toEqual({
        ok: false,
        error: "Trop de tentatives de connexion. Pour protéger votre compte, réessayez dans 1 minute.",
      });
      expect(
        await database.db.auditLog.count({
          where: { action: AUDIT_ACTIONS.signInRateLimited, ip: { in: ["198.51.100.1", "198.51.100.2"] } },
        }),
      ).toBe(3);

      // 15 minutes after the first failure, only 4 remain in the window.
      expect(await attempt(PASSWORD, at(15 * MINUTE))).toEqual({
        ok: true,
        value: { userId: person.id, role: UserRole.APPLICANT, secondFactor: false },
      });

      // The periodic jobs delete what no limit looks at any more: a day later, none of these failures is kept.
      const failures = { key: { in: [person.email, "198.51.100.1"] }, createdAt: { lte: at(DAY) } };
      await recordLoginFailure(database.db, { email: person.email, ip: "198.51.100.1", now: at(DAY) });
      expect(await purgeOldAttempts(database.db, at(DAY + 5 * MINUTE))).toBeGreaterThanOrEqual(4);
      expect(await database.db.loginAttempt.count({ where: failures })).toBe(2);
    });

    it("blocks an address after 20 failures across different accounts, but not those accounts elsewhere", async () => {
      const person = await createPerson();
      const attacker = "192.0.2.66";
      // 4 failures on each of 5 addresses: no account reaches its own limit of 5. The first 16 are recorded
      // the way authenticate records them (each real attempt costs a slow scrypt); the last 4 are real.
      for (let index = 0; index < 16; index += 1) {
        await recordLoginFailure(database.db, {
          email: `cible${index % 4}@example.fr`,
          ip: attacker,
          now: at(index * 1_000),
        });
      }
      for (let index = 16; index < 20; index += 1) {
        const result = await authenticate(database.db, {
          email: "cible4@example.fr",
          password: "devine",
          ip: attacker,
          now: at(index * 1_000),
        });
        expect(result).toEqual({ ok: false, error: INVALID_CREDENTIALS });
      }

      const fromAttacker = await authenticate(database.db, {
        email: person.email,
        password: PASSWORD,
        ip: attacker,
        now: at(MINUTE),
      });
      expect(fromAttacker).toEqual({
        ok: false,
        error: "Trop de tentatives de connexion. Pour protéger votre compte, réessayez dans 14 minutes.",
      });

      const fromElsewhere = await authenticate(database.db, {
        email: person.email,
        password: PASSWORD,
        ip: "192.0.2.1",
        now: at(MINUTE),
      });
      expect(fromElsewhere.ok).toBe(true);

      // Once the first failure leaves the 15-minute window, the address may try again.
      const later = await authenticate(database.db, {
        email: person.email,
        password: PASSWORD,
        ip: attacker,
        now: at(15 * MINUTE),
      });
      expect(later.ok).toBe(true);
    });
  });

  describe("deactivated accounts", () => {
    it("cannot sign in with the right password, lose their open sessions and get no reset link", async () => {
      const person = await createPerson();
      const session = await createSession(database.db, person.id, { now: T0 });
      expect(await findSessionUser(database.db, session, at(MINUTE))).toMatchObject({ id: person.id });

      await database.db.user.update({ where: { id: person.id }, data: { deactivatedAt: at(2 * MINUTE) } });

      expect(await findSessionUser(database.db, session, at(3 * MINUTE))).toBeNull();
      const signIn = await authenticate(database.db, {
        email: person.email,
        password: PASSWORD,
        ip: "203.0.113.40",
        now: at(3 * MINUTE),
      });
      expect(signIn).toEqual({ ok: false, error: INVALID_CREDENTIALS });
      await requestPasswordReset(database.db, person.email, at(4 * MINUTE));
      expect(await database.db.outboxEmail.count({ where: { to: person.email } })).toBe(0);
    });
  });

  describe("sessions", () => {
    it("finds the signed-in person until that session is revoked, leaving their other sessions alone", async () => {
      const person = await createPerson({ role: UserRole.FUNDER });
      const laptop = await createSession(database.db, person.id, { now: T0 });
      const phone = await createSession(database.db, person.id, { now: T0 });

      expect(await findSessionUser(database.db, laptop, at(MINUTE))).toMatchObject({
        id: person.id,
        email: person.email,
        role: UserRole.FUNDER,
        emailVerified: false,
      });
      await revokeSession(database.db, laptop, at(2 * MINUTE));
      expect(await findSessionUser(database.db, laptop, at(3 * MINUTE))).toBeNull();
      expect(await findSessionUser(database.db, phone, at(3 * MINUTE))).toMatchObject({ id: person.id });
      expect(await findSessionUser(database.db, "jeton-inconnu", at(3 * MINUTE))).toBeNull();
    });

    it("expires a session left unused for 30 days, while one in use keeps sliding", async () => {
      const person = await createPerson();
      const idle = await createSession(database.db, person.id, { userAgent: "Inactif", now: T0 });
      const active = await createSession(database.db, person.id, { userAgent: "Actif", now: T0 });

      expect(SESSION_TTL_MS).toBe(30 * DAY);
      expect(await findSessionUser(database.db, active, at(29 * DAY))).toMatchObject({ id: person.id });
      expect(await findSessionUser(database.db, idle, at(30 * DAY))).toBeNull();

      // Past the original 30 days, the session used on day 29 is still listed as open...
      const open = await listActiveSessions(database.db, person, at(45 * DAY));
      expect(open.map((session) => session.userAgent)).toEqual(["Actif"]);
      // ...until 30 days after that last use.
      expect(await findSessionUser(database.db, active, at(59 * DAY))).toBeNull();
    });

    it("ends a staff session after the idle time and after the absolute lifetime, whichever comes first", async () => {
      const policy = { idleMs: 30 * MINUTE, maxMs: 12 * HOUR };
      const staff = await createPerson({ role: UserRole.INSTRUCTOR });
      const idle = await createSession(database.db, staff.id, { userAgent: "Inactive", now: T0 });
      const busy = await createSession(database.db, staff.id, { userAgent: "Active", now: T0 });
      expect(await findSessionUser(database.db, idle, at(29 * MINUTE), policy)).toMatchObject({
        id: staff.id,
      });
      // Used every 20 minutes, the busy one lives on; the other, idle for 31 minutes, is over.
      for (let minutes = 20; minutes <= 11 * 60 + 50; minutes += 20) {
        expect(
          await findSessionUser(database.db, busy, at(minutes * MINUTE), policy),
          `${minutes}`,
        ).not.toBeNull();
      }
      expect(await findSessionUser(database.db, idle, at(61 * MINUTE), policy)).toBeNull();
      expect(
        (await listActiveSessions(database.db, staff, at(12 * HOUR), policy)).map((s) => s.userAgent),
      ).toEqual(["Active"]);
      // Twelve hours after sign-in, however busy.
      expect(await findSessionUser(database.db, busy, at(12 * HOUR + MINUTE), policy)).toBeNull();
      expect(await listActiveSessions(database.db, staff, at(12 * HOUR + MINUTE), policy)).toEqual([]);
      // An applicant's session is not bound by them.
      const applicant = await createPerson();
      const own = await createSession(database.db, applicant.id, { now: T0 });
      expect(await findSessionUser(database.db, own, at(13 * HOUR), policy)).toMatchObject({
        id: applicant.id,
      });
    });

    it("closes one of the person's own sessions, audited, and none of anyone else's", async () => {
      const person = await createPerson();
      const phone = await createSession(database.db, person.id, { userAgent: "Téléphone", now: T0 });
      const laptop = await createSession(database.db, person.id, { userAgent: "Portable", now: T0 });
      const [phoneRow] = await database.db.session.findMany({
        where: { userId: person.id, userAgent: "Téléphone" },
      });
      const someoneElse = await createPerson();
      expect(await closeOwnSession(database.db, { userId: someoneElse.id, sessionId: phoneRow!.id })).toBe(
        false,
      );
      expect(await findSessionUser(database.db, phone, at(MINUTE))).not.toBeNull();
      expect(
        await closeOwnSession(database.db, { userId: person.id, sessionId: phoneRow!.id, now: at(MINUTE) }),
      ).toBe(true);
      expect(await closeOwnSession(database.db, { userId: person.id, sessionId: phoneRow!.id })).toBe(false);
      expect(await findSessionUser(database.db, phone, at(2 * MINUTE))).toBeNull();
      expect(await findSessionUser(database.db, laptop, at(2 * MINUTE))).toMatchObject({ id: person.id });
      expect(
        await database.db.auditLog.count({
          where: { actorId: person.id, action: AUDIT_ACTIONS.sessionClosed, targetId: phoneRow!.id },
        }),
      ).toBe(1);
    });

    it("lists only the open sessions, most recently used first, with their device and address", async () => {
      const person = await createPerson();
      await createSession(database.db, person.id, { userAgent: "Firefox", ip: "192.0.2.10", now: T0 });
      await createSession(database.db, person.id, { userAgent: "Safari", ip: "192.0.2.11", now: at(HOUR) });
      const revoked = await createSession(database.db, person.id, { userAgent: "Révoquée", now: at(HOUR) });
      await revokeSession(database.db, revoked, at(HOUR));
      await createSession(database.db, person.id, { userAgent: "Expirée", now: at(-31 * DAY) });
      const someoneElse = await createPerson();
      await createSession(database.db, someoneElse.id, { userAgent: "Autre personne", now: T0 });

      const sessions = await listActiveSessions(database.db, person, at(2 * HOUR));
      expect(sessions).toEqual([
        expect.objectContaining({ userAgent: "Safari", ip: "192.0.2.11", lastSeenAt: at(HOUR) }),
        expect.objectContaining({ userAgent: "Firefox", ip: "192.0.2.10", createdAt: T0 }),
      ]);
    });

    it("signs a person out everywhere without touching anyone else, and lets them sign in again", async () => {
      const person = await createPerson();
      const tokens = [
        await createSession(database.db, person.id, { now: T0 }),
        await createSession(database.db, person.id, { now: T0 }),
      ];
      const someoneElse = await createPerson();
      const otherToken = await createSession(database.db, someoneElse.id, { now: T0 });

      expect(await revokeAllSessions(database.db, person.id, at(MINUTE))).toBe(2);

      for (const token of tokens) {
        expect(await findSessionUser(database.db, token, at(2 * MINUTE))).toBeNull();
      }
      expect(await listActiveSessions(database.db, person, at(2 * MINUTE))).toEqual([]);
      expect(await findSessionUser(database.db, otherToken, at(2 * MINUTE))).toMatchObject({
        id: someoneElse.id,
      });
      const fresh = await createSession(database.db, person.id, { now: at(3 * MINUTE) });
      expect(await findSessionUser(database.db, fresh, at(4 * MINUTE))).toMatchObject({ id: person.id });
    });
  });
});
