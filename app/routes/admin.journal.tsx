// The audit log: who did what, on what, and when, filtered by person, dossier, action and days, with the
// dossier's own history merged in when one dossier or one person is asked for; and its CSV export.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { AuditFilters } from "~/components/admin/audit-filters";
import { AuditTable } from "~/components/admin/audit-table";
import { Pagination } from "~/components/pagination";
import { db } from "~/db.server";
import { auditLogParams, auditLogSearch, readAuditLogFilter } from "~/domain/audit-log";
import { formatDateTime } from "~/domain/format";
import { loadAuditLog } from "~/services/admin/audit-log.server";
import { requireRole } from "~/session.server";

export const meta: MetaFunction = () => [
  { title: "Journal d’audit — Administration — Portail ESS Centre-Val de Loire" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const { filter, notices } = readAuditLogFilter(new URL(request.url).searchParams);
  const log = await loadAuditLog(db, filter);
  return {
    filter,
    formKey: auditLogParams({ ...filter, page: 1 }).toString(),
    csvHref: `/admin/journal.csv${auditLogSearch(filter, { page: 1 })}`,
    notices: [...notices, ...log.notices],
    total: log.total,
    page: log.page,
    pageCount: log.pageCount,
    mergesEvents: log.mergesEvents,
    entries: log.entries.map((entry) => ({
      id: entry.id,
      fromDossierHistory: entry.source === "dossier",
      at: formatDateTime(entry.createdAt),
      iso: entry.createdAt.toISOString(),
      actor: entry.actor,
      action: entry.action,
      target: entry.target,
      details: entry.details,
    })),
  };
}

export default function AuditLog() {
  const log = useLoaderData<typeof loader>();
  const pageHref = (page: number) => `/admin/journal${auditLogSearch(log.filter, { page })}`;
  return (
    <>
      <h1>Journal d’audit</h1>
      <p>
        Chaque connexion, export et acte d’administration est consigné ici. Filtrez par personne ou par
        dossier pour y joindre l’historique du dossier (dépôt, instruction, décision).
      </p>
      {log.notices.length > 0 ? (
        <div className="notice notice--warning" role="status">
          <ul>
            {log.notices.map((notice) => (
              <li key={notice}>{notice}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <AuditFilters filter={log.filter} formKey={log.formKey} />

      <p>
        {log.total === 0
          ? "Aucune entrée ne correspond à ces critères."
          : `${log.total.toLocaleString("fr-FR")} entrée${log.total > 1 ? "s" : ""}${
              log.mergesEvents ? ", historique du dossier compris" : ""
            }.`}{" "}
        {log.total > 0 ? (
          <a href={log.csvHref} download>
            Exporter ces entrées (CSV)
          </a>
        ) : null}
      </p>
      {log.total > 0 ? (
        <>
          <AuditTable
            entries={log.entries}
            caption={`Journal d’audit, les plus récentes d’abord — page ${log.page} sur ${log.pageCount}`}
          />
          <Pagination page={log.page} pageCount={log.pageCount} href={pageHref} />
        </>
      ) : null}
    </>
  );
}
