// The administration's front page: what each section holds and what needs the administrator now.
import { figuresView, totalFigures } from "~/domain/call-envelopes";
import { formatDate } from "~/domain/format";
import { parisYear } from "~/domain/paris-time";
import { ROLE_LABELS } from "~/domain/roles";
import type { PrismaClient } from "~/generated/prisma/client";
import { UserRole } from "~/generated/prisma/enums";

import { retentionOverview } from "./retention.server";
import { listCalls } from "./calls.server";
import { listSchemeRuleSets } from "./rule-set-versions.server";
import { listTerritoriesByDepartment } from "./territories.server";

export async function adminOverview(db: PrismaClient, now: Date) {
  const [schemes, calls, accounts, pendingInvitations, departments, retention] = await Promise.all([
    listSchemeRuleSets(db, now),
    listCalls(db, { year: parisYear(now), schemeCode: null }, now),
    db.user.groupBy({ by: ["role"], where: { deactivatedAt: null }, _count: { _all: true } }),
    // An invited account has no password anyone knows until it is activated.
    db.userToken.count({ where: { purpose: "ACCOUNT_INVITATION", usedAt: null, expiresAt: { gt: now } } }),
    listTerritoriesByDepartment(db),
    retentionOverview(db, now),
  ]);
  const open = calls.filter((call) => call.state === "OPEN");
  const territories = departments.flatMap((department) => department.territories);
  return {
    schemes: schemes.map((scheme) => ({
      name: scheme.name,
      href: `/admin/dispositifs/${scheme.slug}`,
      inForce: scheme.inForce
        ? `version ${scheme.inForce.version}${scheme.inForce.effectiveFrom ? ` depuis le ${formatDate(scheme.inForce.effectiveFrom)}` : ""}`
        : "aucune version en vigueur",
      scheduled: scheme.scheduled.map(
        (row) =>
          `version ${row.version} à partir du ${row.effectiveFrom ? formatDate(row.effectiveFrom) : "—"}`,
      ),
      draft: scheme.draft ? `version ${scheme.draft.version} en préparation` : null,
    })),
    calls: {
      year: parisYear(now),
      open: open.length,
      figures: figuresView(totalFigures(open)),
    },
    accounts: {
      counts: Object.values(UserRole).map((role) => ({
        role: ROLE_LABELS[role],
        href: `/admin/comptes?role=${role}`,
        count: accounts.find((row) => row.role === role)?._count._all ?? 0,
      })),
      pendingInvitations,
    },
    territories: {
      active: territories.filter((territory) => territory.active).length,
      uncovered: territories.filter((territory) => territory.active && territory.instructors.length === 0)
        .length,
    },
    retention: { upcoming: retention.upcoming.length },
  };
}
