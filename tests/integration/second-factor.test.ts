// The second factor: codes computed by otplib at the real time (±1 step of 30 s accepted, a replayed one
// refused), recovery codes used once, wrong codes counted with wrong passwords, and every enrolment, use of
// a recovery code and admin reset audited and emailed. The HTTP steps (the pending sign-in is no session)
// are in security-http.test.ts; the enrolment at sign-in is walked in e2e (admin-setup.spec.ts).
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { AUDIT_ACTIONS } from "~/domain/audit";
import { UserRole } from "~/generated/prisma/enums";
import { authenticate } from "~/services/accounts/accounts.server";
import { hashPassword } from "~/services/accounts/password.server";
import {
  confirmEnrolment,
  enrolmentSecret,
  findPendingSignIn,
  RECOVERY_CODE_COUNT,
  startPendingSignIn,
  verifySecondFactor,
} from "~/services/accounts/second-factor.server";
import { createSession, findSessionUser } from "~/services/accounts/sessions.server";
import { resetSecondFactor } from "~/services/admin/account-access.server";

import { createTestDatabase, databaseKinds, type TestDatabase } from "../support/database";

const PASSWORD = "correct-cheval-pile-agrafe";
const WRONG = "n’est pas valable";

describe.each(databaseKinds())("second factor on %s", (kind) => {
  let database: TestDatabase;
  let sharedHash: string;
  let counter = 0;
  let ip = 0;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    sharedHash = await hashPassword(PASSWORD);
  });
  afterAll(async () => {
    await database?.close();
  });

  const person = (role: UserRole = UserRole.INSTRUCTOR) =>
    database.db.user.create({
      data: {
        email: `agent${++counter}@example.fr`,
        passwordHash: sharedHash,
        firstName: "Claire",
        lastName: `Agent${counter}`,
        role,
        emailVerifiedAt: new Date(),
      },
    });

  /** An enrolled person, the secret of their app and their recovery codes. */
  async function enrolled(role: UserRole = UserRole.INSTRUCTOR) {
    const user = await person(role);
    const { secret } = await enrolmentSecret(database.db, user.id);
    // A code of the step before: the next sign-in with this step's code is not a replay.
    const now = new Date();
    const codes = await confirmEnrolment(database.db, {
      userId: user.id,
      code: await generate({ secret, epoch: Math.floor(now.getTime() / 1000) - 30 }),
    });
    return { user, secret, codes };
  }

  const codeAt = (secret: string, offsetSeconds: number) =>
    generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSeconds });

  async function answer(userId: string, code: string) {
    const pendingToken = await startPendingSignIn(database.db, userId);
    return verifySecondFactor(database.db, { pendingToken, code, ip: `10.1.0.${++ip}` }).then(
      (value) => ({ ok: true as const, value }),
      (error: Error & { status?: number }) => ({
        ok: false as const,
        status: error.status,
        message: error.message,
      }),
    );
  }

  it("asks staff for a second factor after the password, and applicants only once they enrol", async () => {
    const instructor = await person();
    const applicant = await person(UserRole.APPLICANT);
    const check = (email: string) => authenticate(database.db, { email, password: PASSWORD, ip: "10.0.0.1" });
    expect(await check(instructor.email)).toMatchObject({ ok: true, value: { secondFactor: true } });
    expect(await check(applicant.email)).toMatchObject({ ok: true, value: { secondFactor: false } });
    // The password alone is no sign-in: not audited as one, and no session.
    expect(
      await database.db.auditLog.count({ where: { actorId: instructor.id, action: AUDIT_ACTIONS.signIn } }),
    ).toBe(0);
    expect(await database.db.session.count({ where: { userId: instructor.id } })).toBe(0);
  });

  it("enrols with a first code, keeps ten recovery codes hashed, audits it and emails the person", async () => {
    const user = await person(UserRole.APPLICANT);
    const first = await enrolmentSecret(database.db, user.id);
    // A reload shows the same secret until it is confirmed.
    expect((await enrolmentSecret(database.db, user.id)).secret).toBe(first.secret);
    expect(first.uri).toMatch(/^otpauth:\/\/totp\/.*secret=/);
    expect(first.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    await expect(confirmEnrolment(database.db, { userId: user.id, code: "000000" })).rejects.toThrow(WRONG);

    const codes = await confirmEnrolment(database.db, {
      userId: user.id,
      code: await codeAt(first.secret, 0),
    });
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    const stored = await database.db.recoveryCode.findMany({ where: { userId: user.id } });
    expect(stored.map((row) => row.codeHash)).not.toEqual(expect.arrayContaining(codes));
    expect(
      await database.db.auditLog.count({
        where: { actorId: user.id, action: AUDIT_ACTIONS.secondFactorEnabled },
      }),
    ).toBe(1);
    const [email] = await database.db.outboxEmail.findMany({ where: { to: user.email } });
    expect(email?.subject).toBe("Double authentification activée sur votre compte");
    await expect(enrolmentSecret(database.db, user.id)).rejects.toMatchObject({ status: 409 });
  });

  it("accepts this step's code and one step either side, never the same step twice, nor two steps away", async () => {
    const { user, secret } = await enrolled();
    expect(await answer(user.id, await codeAt(secret, 60))).toMatchObject({ ok: false });
    expect(await answer(user.id, await codeAt(secret, 0))).toEqual({
      ok: true,
      value: { userId: user.id, role: UserRole.INSTRUCTOR },
    });
    // Replayed: the same code, then an older step's.
    expect(await answer(user.id, await codeAt(secret, 0))).toMatchObject({
      ok: false,
      message: expect.stringContaining(WRONG),
    });
    expect(await answer(user.id, await codeAt(secret, -30))).toMatchObject({ ok: false });
    // The phone a step ahead.
    expect(await answer(user.id, await codeAt(secret, 30))).toMatchObject({ ok: true });
    const other = await enrolled();
    expect(await answer(other.user.id, await codeAt(other.secret, -30))).toMatchObject({ ok: false });
    expect(await answer(other.user.id, await codeAt(other.secret, -90))).toMatchObject({ ok: false });
  });

  it("opens one session per pending sign-in, and the pending sign-in is no session", async () => {
    const { user, secret } = await enrolled();
    const pendingToken = await startPendingSignIn(database.db, user.id);
    expect(await findSessionUser(database.db, pendingToken)).toBeNull();
    await verifySecondFactor(database.db, { pendingToken, code: await codeAt(secret, 0), ip: "10.2.0.1" });
    expect(await findPendingSignIn(database.db, pendingToken)).toBeNull();
    await expect(
      verifySecondFactor(database.db, { pendingToken, code: await codeAt(secret, 30), ip: "10.2.0.1" }),
    ).rejects.toMatchObject({ status: 410 });
  });

  it("takes each recovery code once, in any case and with or without its dash, audited and emailed", async () => {
    const { user, codes } = await enrolled();
    const typed = codes[3]!.replace("-", "").toLowerCase();
    expect(await answer(user.id, typed)).toMatchObject({ ok: true });
    expect(await answer(user.id, codes[3]!)).toMatchObject({ ok: false });
    const used = await database.db.auditLog.findMany({
      where: { actorId: user.id, action: AUDIT_ACTIONS.secondFactorRecoveryUsed },
    });
    expect(used.map((entry) => entry.details)).toEqual([{ remaining: RECOVERY_CODE_COUNT - 1 }]);
    const emails = await database.db.outboxEmail.findMany({
      where: { to: user.email, template: "recovery-code-used" },
    });
    expect(emails).toHaveLength(1);
    expect(emails[0]!.text).toContain(`Il vous reste ${RECOVERY_CODE_COUNT - 1} codes de secours.`);
  });

  it("counts wrong codes with wrong passwords: after five, even the right code waits", async () => {
    const { user, secret } = await enrolled();
    const pendingToken = await startPendingSignIn(database.db, user.id);
    for (let attempt = 0; attempt < 5; attempt++) {
      await expect(
        verifySecondFactor(database.db, { pendingToken, code: "000000", ip: `10.3.0.${attempt}` }),
      ).rejects.toThrow(WRONG);
    }
    await expect(
      verifySecondFactor(database.db, { pendingToken, code: await codeAt(secret, 0), ip: "10.3.0.9" }),
    ).rejects.toMatchObject({ status: 429, message: expect.stringContaining("Trop de tentatives") });
    // The right password again does not lift it.
    await authenticate(database.db, { email: user.email, password: PASSWORD, ip: "10.3.0.10" });
    expect(await database.db.loginAttempt.count({ where: { scope: "ACCOUNT", key: user.email } })).toBe(5);
    expect(
      await database.db.auditLog.count({
        where: { actorId: user.id, action: AUDIT_ACTIONS.secondFactorFailed },
      }),
    ).toBe(5);
  });

  it("lets an admin reset a lost second factor: sessions closed, audited, emailed; enrol again at sign-in", async () => {
    const admin = await person(UserRole.ADMIN);
    const { user } = await enrolled();
    const session = await createSession(database.db, user.id);
    await resetSecondFactor(database.db, { actorId: admin.id, userId: user.id, now: new Date() });
    const after = await database.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect([after.totpSecret, after.totpEnabledAt, after.totpLastStep]).toEqual([null, null, null]);
    expect(await database.db.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect(await findSessionUser(database.db, session)).toBeNull();
    expect(
      await database.db.auditLog.count({
        where: { actorId: admin.id, action: AUDIT_ACTIONS.secondFactorReset, targetId: user.id },
      }),
    ).toBe(1);
    const emails = await database.db.outboxEmail.findMany({
      where: { to: user.email, template: "second-factor-reset" },
    });
    expect(emails).toHaveLength(1);
    // Nothing left to reset: refused, and nothing written.
    const audit = await database.db.auditLog.count();
    await expect(
      resetSecondFactor(database.db, { actorId: admin.id, userId: user.id, now: new Date() }),
    ).rejects.toMatchObject({ status: 409 });
    expect(await database.db.auditLog.count()).toBe(audit);
  });
});
