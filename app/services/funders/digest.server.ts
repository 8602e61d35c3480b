// The funders' weekly digest: every Monday from 07:00 (Paris), each funder subscribed to saved filters gets
// one email listing, filter by filter, the projects shared with the community since that filter's last
// digest. Safe to run every few minutes and on several instances: each filter is claimed by a guarded
// update (its lastDigestAt must still be the one read), so a filter gets at most one digest a week.
import { savedFilterOf, describeSavedFilter } from "~/domain/funder-saved-filters";
import { paris, parisParts } from "~/domain/paris-time";
import type { PrismaClient } from "~/generated/prisma/client";
import { UserRole } from "~/generated/prisma/enums";
import { funderWeeklyDigest, type DigestFilterSection } from "~emails/funder-weekly-digest";

import { pipelineCards } from "./pipeline.server";
import { territoryNames } from "./saved-filters.server";
import { unsubscribeUrl } from "~/services/accounts/unsubscribe.server";
import { enqueueEmail } from "~/services/platform/outbox.server";
import { funderDossierUrl, portalUrl } from "~/services/dossiers/links.server";

/** The hour (Europe/Paris) on Monday from which the week's digest is sent. */
export const WEEKLY_DIGEST_HOUR = 7;

/** The start of the current digest week: the latest Monday at WEEKLY_DIGEST_HOUR (Paris) not after `now`. */
export function digestWeekStart(now: Date): Date {
  const { year, month, day, hour } = parisParts(now);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  let daysBack = (weekday + 6) % 7;
  if (daysBack === 0 && hour < WEEKLY_DIGEST_HOUR) daysBack = 7;
  // Calendar arithmetic on the Paris date itself, in UTC where no DST change can shift a day.
  const monday = new Date(Date.UTC(year, month - 1, day - daysBack)).toISOString().slice(0, 10);
  return paris(`${monday}T${String(WEEKLY_DIGEST_HOUR).padStart(2, "0")}:00`);
}

/** Sends the week's digests that are due; returns how many emails were queued. */
export async function sendWeeklyFunderDigests(
  db: PrismaClient,
  input: { now: Date; appUrl: string },
): Promise<number> {
  const { now, appUrl } = input;
  const weekStart = digestWeekStart(now);
  // A filter is due once a week: never digested since this week's Monday 07:00 (a new one waits for Monday).
  const dueFilter = {
    weeklyDigest: true,
    OR: [{ lastDigestAt: { lt: weekStart } }, { lastDigestAt: null, createdAt: { lt: weekStart } }],
  };
  const users = await db.user.findMany({
    where: {
      role: UserRole.FUNDER,
      deactivatedAt: null,
      funderOrganisationId: { not: null },
      savedFilters: { some: dueFilter },
    },
    select: { id: true, role: true, email: true, firstName: true, funderOrganisationId: true },
    orderBy: { id: "asc" },
  });
  if (users.length === 0) return 0;
  const names = await territoryNames(db);

  let sent = 0;
  for (const user of users) {
    const filters = await db.funderSavedFilter.findMany({
      where: { userId: user.id, ...dueFilter },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, name: true, filters: true, lastDigestAt: true, createdAt: true },
    });
    const sections: Array<DigestFilterSection & { id: string; lastDigestAt: Date | null }> = [];
    for (const row of filters) {
      const filter = savedFilterOf(row.filters);
      const since = row.lastDigestAt ?? row.createdAt;
      const cards = await pipelineCards(db, user, filter, { sharedAt: { gt: since, lte: now } });
      sections.push({
        id: row.id,
        lastDigestAt: row.lastDigestAt,
        name: row.name,
        description: describeSavedFilter(filter, names),
        dossiers: cards.map((card) => ({
          number: card.number,
          title: card.title,
          organisation: card.organisation,
          scheme: card.scheme,
          requestedAmountCents: card.requestedAmountCents,
          url: funderDossierUrl(appUrl, card.id),
        })),
      });
    }
    const queued = await db.$transaction(async (tx) => {
      const claimed: typeof sections = [];
      for (const section of sections) {
        // Another instance that digested this filter meanwhile changed lastDigestAt: then it is not ours.
        const { count } = await tx.funderSavedFilter.updateMany({
          where: { id: section.id, userId: user.id, weeklyDigest: true, lastDigestAt: section.lastDigestAt },
          data: { lastDigestAt: now },
        });
        if (count === 1) claimed.push(section);
      }
      const projectUrls = new Set(
        claimed.flatMap((section) => section.dossiers.map((dossier) => dossier.url)),
      );
      if (projectUrls.size === 0) return false;
      await enqueueEmail(
        tx,
        {
          ...funderWeeklyDigest({
            firstName: user.firstName,
            sections: claimed,
            projectCount: projectUrls.size,
            now,
            filtersUrl: portalUrl(appUrl, "/financeurs/filtres"),
            unsubscribeUrl: unsubscribeUrl(appUrl, "recapitulatif-financeurs", user.id),
          }),
          to: user.email,
          unsubscribeUrl: unsubscribeUrl(appUrl, "recapitulatif-financeurs", user.id),
        },
        { now },
      );
      return true;
    });
    if (queued) sent += 1;
  }
  return sent;
}
