// What an applicant sees on their home page: their organisations and dossiers. Callers have already
// checked the role.
import type { PrismaClient } from "~/generated/prisma/client";

export async function applicantHome(db: PrismaClient, userId: string) {
  const memberships = await db.membership.findMany({
    where: { userId },
    include: { organisation: { select: { id: true, name: true, legalForm: true, departmentCode: true } } },
    orderBy: { organisation: { name: "asc" } },
  });
  const dossiers = await db.dossier.findMany({
    where: { organisationId: { in: memberships.map((membership) => membership.organisationId) } },
    select: {
      id: true,
      number: true,
      title: true,
      status: true,
      requestedAmountCents: true,
      updatedAt: true,
      scheme: { select: { name: true } },
      organisation: { select: { name: true } },
      correctionRequests: {
        where: { status: "OPEN" },
        select: { replyBy: true },
        orderBy: { replyBy: "asc" },
        take: 1,
      },
      // After the grant: who accepted the agreement, and the next report to send or correct.
      acceptances: { select: { side: true } },
      reports: {
        where: { status: { in: ["DUE", "CORRECTION_REQUESTED"] } },
        select: { period: true, dueDate: true, status: true },
        orderBy: { dueDate: "asc" },
        take: 1,
      },
    },
    // What needs the applicant first: corrections to answer, then drafts, then the rest.
    orderBy: { updatedAt: "desc" },
  });
  return { memberships, dossiers };
}
