// The funders' community's member organisations: their list, creation, renaming, and the removal of a
// member (who loses access to the community at once). Members are invited through account-invitations.
import { AUDIT_ACTIONS } from "~/domain/audit";
import { funderSlug } from "~/domain/funder-kinds";
import { isInvitationPending } from "~/domain/staff-accounts";
import type { PrismaClient } from "~/generated/prisma/client";
import type { FunderKind } from "~/generated/prisma/enums";
import { revokeAllSessions } from "~/services/accounts/sessions.server";

import { AccountAdminError } from "./accounts.server";
import { notFound } from "~/domain/user-error";

export const funderOrganisationNotFound = () => notFound("Cette organisation financeuse est introuvable.");

export async function listFunderOrganisations(db: PrismaClient) {
  const organisations = await db.funderOrganisation.findMany({
    orderBy: { name: "asc" },
    select: {
      id: true,
      slug: true,
      name: true,
      kind: true,
      _count: { select: { members: { where: { deactivatedAt: null } } } },
    },
  });
  return organisations.map(({ _count, ...organisation }) => ({
    ...organisation,
    activeMembers: _count.members,
  }));
}

export async function getFunderOrganisation(db: PrismaClient, id: string) {
  const organisation = await db.funderOrganisation.findUnique({
    where: { id },
    select: {
      id: true,
      slug: true,
      name: true,
      kind: true,
      createdAt: true,
      members: {
        orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
        select: {
          id: true,
          firstName: true,
          lastName: true,
          email: true,
          deactivatedAt: true,
          passwordHash: true,
        },
      },
    },
  });
  if (!organisation) throw funderOrganisationNotFound();
  return {
    ...organisation,
    members: organisation.members.map(({ passwordHash, ...member }) => ({
      ...member,
      invitationPending: isInvitationPending(passwordHash),
    })),
  };
}

/** Two organisations with one name would be told apart by nobody. */
async function checkNameFree(db: PrismaClient, name: string, exceptId?: string) {
  const taken = await db.funderOrganisation.findFirst({
    where: { name: { equals: name, mode: "insensitive" }, ...(exceptId ? { NOT: { id: exceptId } } : {}) },
    select: { id: true },
  });
  if (taken) throw new AccountAdminError({ name: "Une organisation financeuse porte déjà ce nom." });
}

/** The name's slug, or the first of « -2 », « -3 »… still free (two names may give one slug). */
async function freeSlug(db: PrismaClient, name: string): Promise<string> {
  const base = funderSlug(name);
  const taken = new Set(
    (
      await db.funderOrganisation.findMany({
        where: { slug: { startsWith: base } },
        select: { slug: true },
      })
    ).map((row) => row.slug),
  );
  let slug = base;
  for (let suffix = 2; taken.has(slug); suffix += 1) slug = `${base}-${suffix}`;
  return slug;
}

export async function createFunderOrganisation(
  db: PrismaClient,
  input: { actorId: string; name: string; kind: FunderKind; now: Date },
) {
  await checkNameFree(db, input.name);
  const slug = await freeSlug(db, input.name);
  return db.$transaction(async (tx) => {
    const organisation = await tx.funderOrganisation.create({
      data: { slug, name: input.name, kind: input.kind, createdAt: input.now },
      select: { id: true, slug: true },
    });
    await tx.auditLog.create({
      data: {
        actorId: input.actorId,
        action: AUDIT_ACTIONS.funderOrganisationCreated,
        targetType: "FunderOrganisation",
        targetId: organisation.id,
        details: { name: input.name, kind: input.kind, slug },
        createdAt: input.now,
      },
    });
    return organisation;
  });
}

/** Renames or reclassifies; the slug stays, so links and seeds that name it keep working. */
export async function updateFunderOrganisation(
  db: PrismaClient,
  input: { actorId: string; id: string; name: string; kind: FunderKind; now: Date },
) {
  const before = await db.funderOrganisation.findUnique({
    where: { id: input.id },
    select: { name: true, kind: true },
  });
  if (!before) throw funderOrganisationNotFound();
  await checkNameFree(db, input.name, input.id);
  await db.$transaction(async (tx) => {
    await tx.funderOrganisation.update({
      where: { id: input.id },
      data: { name: input.name, kind: input.kind },
    });
    await tx.auditLog.create({
      data: {
        actorId: input.actorId,
        action: AUDIT_ACTIONS.funderOrganisationUpdated,
        targetType: "FunderOrganisation",
        targetId: input.id,
        details: { before, after: { name: input.name, kind: input.kind } },
        createdAt: input.now,
      },
    });
  });
}

/** Detaches a member: they leave the community at once (sessions revoked), their account stays. */
export async function removeFunderMember(
  db: PrismaClient,
  input: { actorId: string; organisationId: string; userId: string; now: Date },
) {
  await db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: input.userId, funderOrganisationId: input.organisationId },
      data: { funderOrganisationId: null },
    });
    if (count === 0) {
      throw notFound("Cette personne n’est pas membre de cette organisation financeuse.");
    }
    const member = await tx.user.findUniqueOrThrow({ where: { id: input.userId }, select: { email: true } });
    const revokedSessions = await revokeAllSessions(tx, input.userId, input.now);
    await tx.auditLog.create({
      data: {
        actorId: input.actorId,
        action: AUDIT_ACTIONS.funderMemberRemoved,
        targetType: "FunderOrganisation",
        targetId: input.organisationId,
        details: { userId: input.userId, email: member.email, revokedSessions },
        createdAt: input.now,
      },
    });
  });
}
