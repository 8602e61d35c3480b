// GET /instruction/suivi: what waits for the instructor after the grant, within their scope, filtered like
// the instruction queue; each line links to the staff page of the payment, report, recovery or agreement.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { FollowUpFilters, FollowUpTable, FollowUpTabs } from "~/components/post-grant/follow-up-queue";
import { Pagination } from "~/components/pagination";
import { db } from "~/db.server";
import { FOLLOW_UP_PAGE_SIZE, followUpSearch, readFollowUpFilter } from "~/domain/follow-up-queue";
import { formatDate, formatEuros } from "~/domain/format";
import { loadFollowUpQueue } from "~/services/post-grant/follow-up-queue.server";
import { requireRole } from "~/session.server";

export const meta: MetaFunction = () => [
  { title: "Suivi des aides accordées — Instruction — Portail ESS Centre-Val de Loire" },
];

function plural(count: number, one: string, many: string) {
  return count > 1 ? many : one;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["INSTRUCTOR", "ADMIN"]);
  const { filter, notices } = readFollowUpFilter(new URL(request.url).searchParams);
  const queue = await loadFollowUpQueue(db, user, filter, new Date());
  if (filter.page > queue.pageCount) {
    notices.push(`La page ${filter.page} n’existe pas : la dernière page (${queue.pageCount}) est affichée.`);
  }
  const shown = { ...filter, page: queue.page };
  return {
    filter: shown,
    search: followUpSearch(shown),
    notices,
    total: queue.total,
    page: queue.page,
    pageCount: queue.pageCount,
    counts: queue.counts,
    options: queue.options,
    missingScope: Boolean(queue.missingScope),
    rows: queue.items.map((item) => ({
      id: item.id,
      kind: item.kind,
      href: item.href,
      number: item.number ?? "—",
      title: item.title,
      organisation: item.organisation,
      scheme: item.scheme,
      department: item.department ?? "—",
      assignee: item.assignee ?? "Non attribué",
      subject: item.subject,
      amount: item.amountCents === null ? "—" : formatEuros(item.amountCents),
      date: `${item.dateLabel} ${formatDate(item.date)}`,
      late:
        item.daysLate > 0 ? `En retard de ${item.daysLate} ${plural(item.daysLate, "jour", "jours")}` : null,
    })),
  };
}

export default function FollowUpQueue() {
  const queue = useLoaderData<typeof loader>();
  const { filter, total } = queue;
  const first = (queue.page - 1) * FOLLOW_UP_PAGE_SIZE + 1;
  const caption =
    total === 0
      ? queue.missingScope
        ? "Rien à suivre : votre périmètre d’instruction n’est pas encore défini"
        : "Rien à suivre pour ce filtre"
      : `${total} ${plural(total, "chose à faire", "choses à faire")}${
          queue.pageCount > 1 ? `, ${first} à ${first + queue.rows.length - 1} affichées` : ""
        }`;
  return (
    <>
      <h1>Suivi des aides accordées</h1>
      <p>
        Ce qui vous attend après l’octroi : les demandes de versement et les comptes rendus à vérifier, les
        versements à mettre en paiement, les comptes rendus en retard, les reversements à recouvrer, les
        conventions à accepter pour la Région et les avances en fonds propres en retard de remboursement.
      </p>
      {queue.notices.length > 0 ? (
        <div className="notice notice--warning" role="status">
          <ul>
            {queue.notices.map((notice) => (
              <li key={notice}>{notice}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <p className="queue-links">
        <a href={`/instruction/suivi.csv${followUpSearch(filter, { page: 1 })}`} download>
          Exporter en CSV (filtre en cours)
        </a>
      </p>
      <FollowUpFilters filter={filter} options={queue.options} formKey={queue.search} />
      <FollowUpTabs filter={filter} counts={queue.counts} />
      <FollowUpTable rows={queue.rows} caption={caption} />
      <Pagination
        page={queue.page}
        pageCount={queue.pageCount}
        href={(page) => `/instruction/suivi${followUpSearch(filter, { page })}`}
        numbered
      />
    </>
  );
}
