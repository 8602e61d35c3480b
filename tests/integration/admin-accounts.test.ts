// A new Region administrator staffs the portal: invites an instructor with a scope, who activates the
// account through the emailed link and sees only the dossiers of that scope; deactivation ends every session
// at once; funder organisations are created, get members, and lose them. Every act is audited in French.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { AUDIT_ACTION_LABELS, AUDIT_ACTIONS } from "~/domain/audit";
import { parseQueueFilter } from "~/domain/instruction-queue";
import type { PrismaClient } from "~/generated/prisma/client";
import { DossierStatus, SchemeCode, UserRole } from "~/generated/prisma/enums";
import {
  deactivateAccount,
  reactivateAccount,
  setInstructorScope,
} from "~/services/admin/account-access.server";
import {
  activateAccount,
  findInvitation,
  inviteAccount,
  resendInvitation,
} from "~/services/admin/account-invitations.server";
import { AccountAdminError, getAccount } from "~/services/admin/accounts.server";
import {
  createFunderOrganisation,
  getFunderOrganisation,
  removeFunderMember,
} from "~/services/admin/funder-organisations.server";
import { appUrl } from "~/env.server";
import { authenticate } from "~/services/accounts/accounts.server";
import { createSession, findSessionUser } from "~/services/accounts/sessions.server";
import { isCommunityMember } from "~/services/funders/access.server";
import { loadQueue } from "~/services/instruction/queue.server";

import { demoSiret } from "../../seeds/demo/identifiers";
import { paris } from "../../seeds/paris-time";
import { seedReference } from "../../seeds/reference";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../support/database";

const NOW = paris("2026-06-15T10:00");
const DAY = 24 * 60 * 60_000;
const after = (ms: number) => new Date(NOW.getTime() + ms);
const PASSWORD = "un-mot-de-passe-tres-solide";

describe.each(databaseKinds())("account administration on %s", (kind) => {
  let database: TestDatabase;
  let db: PrismaClient;
  let admin: { id: string; firstName: string; lastName: string };
  let ip = 0;
  const signIn = (email: string, password = PASSWORD) =>
    authenticate(db, { email, password, ip: `10.0.0.${++ip}`, now: NOW });

  /** The activation token of the latest invitation emailed to `to`, read from the outbox as the person would. */
  async function emailedToken(to: string) {
    const email = await db.outboxEmail.findFirstOrThrow({
      where: { to, template: "account-invitation" },
      orderBy: { createdAt: "desc" },
    });
    const token = /\/activer-mon-compte\/([\w-]+)/.exec(email.text)?.[1];
    expect(token).toBeDefined();
    expect(email.html).toContain(appUrl(`/activer-mon-compte/${token}`));
    return token!;
  }

  async function counts() {
    return {
      users: await db.user.count(),
      tokens: await db.userToken.count(),
      emails: await db.outboxEmail.count(),
      audit: await db.auditLog.count(),
      scopes: await db.instructorScope.count(),
    };
  }

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    db = database.db;
    await seedReference(db, NOW);
    admin = await db.user.create({
      data: {
        email: "alix@region.fr",
        passwordHash: "x",
        firstName: "Alix",
        lastName: "Admin",
        role: "ADMIN",
      },
    });
    const applicant = await db.user.create({
      data: { email: "lou@example.fr", passwordHash: "x", firstName: "Lou", lastName: "Porteur" },
    });
    const schemes = await db.scheme.findMany({ include: { ruleSets: true } });
    const territory45 = await db.territory.findUniqueOrThrow({ where: { code: "45-orleans-metropole" } });
    const rows: Array<[string, SchemeCode, string, string | null]> = [
      ["AVOSID-2026-00001", SchemeCode.A_VOS_ID, "45", territory45.id],
      ["AVOSID-2026-00002", SchemeCode.A_VOS_ID, "18", null],
      ["CAPASSO-2026-00001", SchemeCode.CAP_ASSO, "45", null],
    ];
    for (const [index, [number, code, department, territoryId]] of rows.entries()) {
      const scheme = schemes.find((row) => row.code === code)!;
      const organisation = await db.organisation.create({
        data: {
          name: `Organisation ${index}`,
          legalForm: "ASSOCIATION",
          siret: demoSiret(`8420000${index}`, "0001"),
          departmentCode: department,
        },
      });
      await db.dossier.create({
        data: {
          number,
          schemeId: scheme.id,
          schemeCode: code,
          ruleSetId: scheme.ruleSets[0]!.id,
          organisationId: organisation.id,
          createdById: applicant.id,
          status: DossierStatus.FILED,
          title: `Projet ${number}`,
          departmentCode: department,
          territoryId,
          filedAt: NOW,
        },
      });
    }
  });

  afterAll(async () => {
    await database?.close();
  });

  describe("an instructor invited with a scope", () => {
    const email = "camille.durand@region-centre.fr";
    let userId: string;
    let token: string;

    it("is created without a usable password, with a single-use link emailed and the invitation audited", async () => {
      ({ userId } = await inviteAccount(db, {
        inviter: admin,
        account: {
          firstName: "Camille",
          lastName: "Durand",
          email: "  Camille.Durand@Region-Centre.fr ",
          role: "INSTRUCTOR",
          scope: { schemes: [SchemeCode.A_VOS_ID], departmentCodes: ["45"], territoryCodes: [] },
        },
        now: NOW,
      }));
      const user = await db.user.findUniqueOrThrow({
        where: { id: userId },
        include: { instructorScope: true },
      });
      expect(user).toMatchObject({
        email,
        role: UserRole.INSTRUCTOR,
        emailVerifiedAt: null,
        deactivatedAt: null,
      });
      expect(user.instructorScope).toMatchObject({
        schemes: ["A_VOS_ID"],
        departmentCodes: ["45"],
        territoryCodes: [],
      });

      const outbox = await db.outboxEmail.findFirstOrThrow({ where: { to: email } });
      expect(outbox.subject).toBe("Activez votre compte sur le Portail ESS Centre-Val de Loire");
      expect(outbox.text).toContain("Alix Admin vous a créé un compte");
      token = await emailedToken(email);
      const stored = await db.userToken.findFirstOrThrow({ where: { userId } });
      expect(stored.purpose).toBe("ACCOUNT_INVITATION");
      expect(stored.tokenHash).not.toBe(token);
      expect(stored.expiresAt).toEqual(after(7 * DAY));

      const audit = await db.auditLog.findFirstOrThrow({ where: { action: AUDIT_ACTIONS.staffInvited } });
      expect(audit).toMatchObject({ actorId: admin.id, targetType: "User", targetId: userId });
      expect(audit.details).toMatchObject({ email, role: "INSTRUCTOR", scope: { departmentCodes: ["45"] } });
      // Nobody can sign in before the person chose a password.
      expect((await signIn(email)).ok).toBe(false);
      expect((await getAccount(db, userId, NOW)).invitationPending).toBe(true);
    });

    it("is activated through the link, once, and then signs in", async () => {
      expect(await findInvitation(db, token, NOW)).toEqual({ firstName: "Camille", email });
      expect(await activateAccount(db, { token, password: PASSWORD, now: after(DAY) })).toEqual({
        ok: true,
        userId,
      });
      const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
      expect(user.emailVerifiedAt).toEqual(after(DAY));
      expect(await signIn(email)).toMatchObject({ ok: true, value: { userId, role: "INSTRUCTOR" } });
      expect(
        await db.auditLog.count({ where: { action: AUDIT_ACTIONS.invitationAccepted, actorId: userId } }),
      ).toBe(1);

      // The same link a second time, or a made-up one, is refused in French and changes nothing.
      for (const used of [token, "inconnu", ""]) {
        expect(await findInvitation(db, used, after(DAY))).toBeNull();
        const again = await activateAccount(db, {
          token: used,
          password: "un-autre-mot-de-passe",
          now: after(DAY),
        });
        expect(again).toMatchObject({ ok: false, error: expect.stringContaining("n’est plus valable") });
      }
      expect((await signIn(email)).ok).toBe(true);
      expect((await getAccount(db, userId, NOW)).invitationPending).toBe(false);
    });

    it("sees in the instruction queue only the dossiers of the scope", async () => {
      const queue = await loadQueue(
        db,
        { id: userId, role: UserRole.INSTRUCTOR },
        parseQueueFilter(new URLSearchParams()),
      );
      expect(queue.rows.map((row) => row.number)).toEqual(["AVOSID-2026-00001"]);

      await setInstructorScope(db, {
        actorId: admin.id,
        userId,
        scope: { schemes: [], departmentCodes: ["45"], territoryCodes: [] },
        now: after(2 * DAY),
      });
      const widened = await loadQueue(
        db,
        { id: userId, role: UserRole.INSTRUCTOR },
        parseQueueFilter(new URLSearchParams()),
      );
      expect(widened.rows.map((row) => row.number).sort()).toEqual([
        "AVOSID-2026-00001",
        "CAPASSO-2026-00001",
      ]);
      const audit = await db.auditLog.findFirstOrThrow({ where: { action: AUDIT_ACTIONS.userScopeUpdated } });
      expect(audit.details).toEqual({
        before: { schemes: ["A_VOS_ID"], departmentCodes: ["45"], territoryCodes: [] },
        after: { schemes: [], departmentCodes: ["45"], territoryCodes: [] },
      });
      // A territory the portal does not know is refused, and the scope stays as it was.
      await expect(
        setInstructorScope(db, {
          actorId: admin.id,
          userId,
          scope: { schemes: [], departmentCodes: [], territoryCodes: ["nulle-part"] },
          now: NOW,
        }),
      ).rejects.toThrow(AccountAdminError);
      expect((await db.instructorScope.findUniqueOrThrow({ where: { userId } })).departmentCodes).toEqual([
        "45",
      ]);
    });

    it("is shut out at once when deactivated, warned about open dossiers, and let back in when reactivated", async () => {
      const dossier = await db.dossier.findUniqueOrThrow({ where: { number: "AVOSID-2026-00001" } });
      await db.dossier.update({ where: { id: dossier.id }, data: { assigneeId: userId } });
      expect((await getAccount(db, userId, NOW)).openAssignedDossiers).toBe(1);
      const at = after(3 * DAY);
      const token = await createSession(db, userId, { now: at });
      expect(await findSessionUser(db, token, at)).not.toBeNull();

      expect(await deactivateAccount(db, { actorId: admin.id, userId, now: at })).toEqual({
        revokedSessions: 1,
        openAssignedDossiers: 1,
      });
      expect(await findSessionUser(db, token, at)).toBeNull();
      expect(await signIn("camille.durand@region-centre.fr")).toMatchObject({ ok: false });
      await expect(deactivateAccount(db, { actorId: admin.id, userId, now: at })).rejects.toThrow(
        "déjà désactivé",
      );

      await reactivateAccount(db, { actorId: admin.id, userId, now: after(4 * DAY) });
      expect((await signIn("camille.durand@region-centre.fr")).ok).toBe(true);
      const actions = await db.auditLog.findMany({
        where: { targetId: userId },
        orderBy: { createdAt: "asc" },
        select: { action: true },
      });
      expect(
        actions.map((row) => AUDIT_ACTION_LABELS[row.action as keyof typeof AUDIT_ACTION_LABELS]),
      ).toEqual([
        "Compte invité",
        "Invitation acceptée, compte activé",
        "Périmètre d’instruction modifié",
        "Compte désactivé",
        "Compte réactivé",
      ]);
    });
  });

  it("refuses an address that already has an account, whatever its case, and creates nothing", async () => {
    const before = await counts();
    for (const email of ["alix@region.fr", "LOU@example.fr"]) {
      const attempt = inviteAccount(db, {
        inviter: admin,
        account: { firstName: "Doublon", lastName: "Test", email, role: "ADMIN" },
        now: NOW,
      });
      await expect(attempt).rejects.toMatchObject({
        fieldErrors: { email: expect.stringContaining("existe déjà") },
      });
    }
    // A funder without an existing organisation, or with an unknown territory in a scope: nothing either.
    await expect(
      inviteAccount(db, {
        inviter: admin,
        account: {
          firstName: "A",
          lastName: "B",
          email: "a@b.fr",
          role: "FUNDER",
          funderOrganisationId: "inconnue",
        },
        now: NOW,
      }),
    ).rejects.toMatchObject({ fieldErrors: { funderOrganisationId: expect.any(String) } });
    await expect(
      inviteAccount(db, {
        inviter: admin,
        account: {
          firstName: "A",
          lastName: "B",
          email: "a@b.fr",
          role: "INSTRUCTOR",
          scope: { schemes: [], departmentCodes: ["99"], territoryCodes: [] },
        },
        now: NOW,
      }),
    ).rejects.toMatchObject({ fieldErrors: { departmentCodes: expect.any(String) } });
    expect(await counts()).toEqual(before);
  });

  it("lets a link expire after 7 days; a new invitation replaces the old link", async () => {
    const email = "dominique@region-centre.fr";
    const { userId } = await inviteAccount(db, {
      inviter: admin,
      account: { firstName: "Dominique", lastName: "Bernard", email, role: "ADMIN" },
      now: NOW,
    });
    const first = await emailedToken(email);
    expect(await findInvitation(db, first, after(7 * DAY - 60_000))).not.toBeNull();
    expect(await findInvitation(db, first, after(7 * DAY))).toBeNull();
    expect((await activateAccount(db, { token: first, password: PASSWORD, now: after(7 * DAY) })).ok).toBe(
      false,
    );
    expect((await getAccount(db, userId, after(8 * DAY))).invitationExpired).toBe(true);

    await resendInvitation(db, { inviter: admin, userId, now: after(8 * DAY) });
    const second = await emailedToken(email);
    expect(second).not.toBe(first);
    expect(await db.outboxEmail.count({ where: { to: email } })).toBe(2);
    expect(
      await db.auditLog.count({ where: { action: AUDIT_ACTIONS.invitationResent, targetId: userId } }),
    ).toBe(1);

    // A deactivated account cannot be activated, even with a fresh link.
    await deactivateAccount(db, { actorId: admin.id, userId, now: after(8 * DAY) });
    expect(await findInvitation(db, second, after(8 * DAY))).toBeNull();
    expect((await activateAccount(db, { token: second, password: PASSWORD, now: after(8 * DAY) })).ok).toBe(
      false,
    );
    await expect(resendInvitation(db, { inviter: admin, userId, now: after(8 * DAY) })).rejects.toThrow(
      "désactivé",
    );
    await reactivateAccount(db, { actorId: admin.id, userId, now: after(9 * DAY) });
    expect((await activateAccount(db, { token: second, password: PASSWORD, now: after(9 * DAY) })).ok).toBe(
      true,
    );
    await expect(resendInvitation(db, { inviter: admin, userId, now: after(9 * DAY) })).rejects.toThrow(
      "déjà activé",
    );
  });

  it("never lets an administrator deactivate their own account", async () => {
    const before = await counts();
    await expect(deactivateAccount(db, { actorId: admin.id, userId: admin.id, now: NOW })).rejects.toThrow(
      "votre propre compte",
    );
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).deactivatedAt).toBeNull();
    expect(await counts()).toEqual(before);
  });

  it("creates a funder organisation, invites a member into it, and removes them from the community", async () => {
    const created = await createFunderOrganisation(db, {
      actorId: admin.id,
      name: "Fondation de l’Économie Solidaire",
      kind: "FOUNDATION",
      now: NOW,
    });
    expect(created.slug).toBe("fondation-de-l-economie-solidaire");
    const twin = await createFunderOrganisation(db, {
      actorId: admin.id,
      name: "Fondation de l'Economie solidaire !",
      kind: "FOUNDATION",
      now: NOW,
    });
    expect(twin.slug).toBe("fondation-de-l-economie-solidaire-2");
    await expect(
      createFunderOrganisation(db, {
        actorId: admin.id,
        name: "FONDATION DE L’ÉCONOMIE SOLIDAIRE",
        kind: "FOUNDATION",
        now: NOW,
      }),
    ).rejects.toMatchObject({ fieldErrors: { name: expect.stringContaining("porte déjà ce nom") } });

    const email = "sacha@fondation.fr";
    const { userId } = await inviteAccount(db, {
      inviter: admin,
      account: {
        firstName: "Sacha",
        lastName: "Petit",
        email,
        role: "FUNDER",
        funderOrganisationId: created.id,
      },
      now: NOW,
    });
    const outbox = await db.outboxEmail.findFirstOrThrow({ where: { to: email } });
    expect(outbox.text).toContain("Vous y représenterez Fondation de l’Économie Solidaire");
    await activateAccount(db, { token: await emailedToken(email), password: PASSWORD, now: NOW });
    const member = await db.user.findUniqueOrThrow({ where: { id: userId } });
    expect(member).toMatchObject({ role: UserRole.FUNDER, funderOrganisationId: created.id });
    expect(isCommunityMember(member)).toBe(true);
    expect((await getFunderOrganisation(db, created.id)).members.map((row) => row.email)).toEqual([email]);

    const session = await createSession(db, userId, { now: NOW });
    await removeFunderMember(db, { actorId: admin.id, organisationId: created.id, userId, now: NOW });
    const removed = await db.user.findUniqueOrThrow({ where: { id: userId } });
    expect(removed.funderOrganisationId).toBeNull();
    expect(isCommunityMember(removed)).toBe(false);
    expect(await findSessionUser(db, session, NOW)).toBeNull();
    // Removing them again, or from another organisation, is not found.
    await expect(
      removeFunderMember(db, { actorId: admin.id, organisationId: created.id, userId, now: NOW }),
    ).rejects.toMatchObject({ status: 404 });

    const audit = await db.auditLog.findMany({
      where: { targetType: "FunderOrganisation", targetId: created.id },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((row) => AUDIT_ACTION_LABELS[row.action as keyof typeof AUDIT_ACTION_LABELS])).toEqual([
      "Organisation financeuse créée",
      "Membre retiré d’une organisation financeuse",
    ]);
    expect(audit[1]!.details).toMatchObject({ userId, email, revokedSessions: 1 });
  });
});
