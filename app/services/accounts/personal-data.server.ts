// What the portal holds about a person, read for their export (personal-data-export.server.ts): their account,
// sessions, memberships, what they did, and the dossiers of their organisations as their members see them.
import { ISSUED_DOCUMENTS } from "~/domain/dossier-documents";
import type { PrismaClient } from "~/generated/prisma/client";

const AUTHOR = { select: { firstName: true, lastName: true, role: true } } as const;

/** Everything the export shows, in one read. */
export async function loadPersonalData(db: PrismaClient, userId: string) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    // Never the password hash.
    select: {
      id: true,
      email: true,
      firstName: true,
      lastName: true,
      role: true,
      notificationMode: true,
      emailVerifiedAt: true,
      deactivatedAt: true,
      createdAt: true,
      updatedAt: true,
      funderOrganisation: { select: { name: true } },
    },
  });
  const [sessions, memberships, journal] = await Promise.all([
    db.session.findMany({
      where: { userId },
      orderBy: { createdAt: "asc" },
      // Never the token's hash.
      select: {
        createdAt: true,
        lastSeenAt: true,
        expiresAt: true,
        revokedAt: true,
        userAgent: true,
        ip: true,
      },
    }),
    db.membership.findMany({
      where: { userId },
      orderBy: { createdAt: "asc" },
      select: { role: true, createdAt: true, organisation: true },
    }),
    db.auditLog.findMany({
      where: { actorId: userId },
      orderBy: { createdAt: "asc" },
      select: { action: true, targetType: true, targetId: true, details: true, ip: true, createdAt: true },
    }),
  ]);
  const dossiers = await db.dossier.findMany({
    where: { organisationId: { in: memberships.map((membership) => membership.organisation.id) } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: {
      scheme: { select: { name: true } },
      territory: { select: { name: true } },
      budgetLines: { orderBy: [{ side: "asc" }, { position: "asc" }] },
      // Never `data`: it holds internal snapshots.
      events: {
        orderBy: { createdAt: "asc" },
        select: {
          kind: true,
          fromStatus: true,
          toStatus: true,
          reason: true,
          createdAt: true,
          actor: AUTHOR,
        },
      },
      messages: {
        orderBy: { createdAt: "asc" },
        select: { id: true, body: true, createdAt: true, readAt: true, author: AUTHOR },
      },
      correctionRequests: {
        orderBy: { createdAt: "asc" },
        select: {
          reason: true,
          fields: true,
          attachmentKinds: true,
          replyBy: true,
          status: true,
          answeredAt: true,
          createdAt: true,
        },
      },
      attachments: { where: { deletedAt: null }, orderBy: { createdAt: "asc" } },
      // After the grant: the agreement's acceptances, the payments requested, the reports sent and the
      // amounts to repay, each with who acted on it.
      acceptances: { orderBy: { acceptedAt: "asc" }, include: { user: AUTHOR } },
      payments: { orderBy: { position: "asc" }, include: { requestedBy: AUTHOR, decidedBy: AUTHOR } },
      reports: { orderBy: { period: "asc" }, include: { submittedBy: AUTHOR, decidedBy: AUTHOR } },
      recoveries: { orderBy: { decidedAt: "asc" }, include: { decidedBy: AUTHOR } },
      // The instructor's report is never the applicant's to download: only the documents they are sent.
      documents: {
        where: { kind: { in: Object.values(ISSUED_DOCUMENTS).map((document) => document.kind) } },
        orderBy: { createdAt: "asc" },
      },
    },
  });
  return { user, sessions, memberships, journal, dossiers };
}

export type PersonalData = Awaited<ReturnType<typeof loadPersonalData>>;
