import { Link } from "@remix-run/react";

import { DOSSIER_STATUS_LABELS } from "~/domain/dossier-status";
import { QUEUE_STATUSES, queueSearch, type QueueFilter } from "~/domain/instruction-queue";
import type { DossierStatus } from "~/generated/prisma/enums";

/** The dossiers of the filter per stage, each a link narrowing the queue to that stage. */
export function QueueStatusTabs({
  filter,
  counts,
}: {
  filter: QueueFilter;
  counts: Partial<Record<DossierStatus, number>>;
}) {
  const all = QUEUE_STATUSES.reduce((sum, status) => sum + (counts[status] ?? 0), 0);
  const only = filter.statuses.length === 1 ? filter.statuses[0] : null;
  return (
    <nav className="queue-tabs" aria-label="Dossiers par étape">
      <ul>
        <li>
          <Link
            to={`/instruction${queueSearch(filter, { statuses: [], page: 1 })}`}
            aria-current={filter.statuses.length === 0 ? "page" : undefined}
          >
            Toutes les étapes <span className="queue-tabs__count">{all}</span>
          </Link>
        </li>
        {QUEUE_STATUSES.map((status) => (
          <li key={status}>
            <Link
              to={`/instruction${queueSearch(filter, { statuses: [status], page: 1 })}`}
              aria-current={only === status ? "page" : undefined}
            >
              {DOSSIER_STATUS_LABELS[status]} <span className="queue-tabs__count">{counts[status] ?? 0}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
