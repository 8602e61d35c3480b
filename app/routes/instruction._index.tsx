import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { ErrorSummary } from "~/components/error-summary";
import { FieldError } from "~/components/form-field";
import { ASSIGN_FORM_ID, QueueAssign } from "~/components/instruction/queue-assign";
import { QueueEnvelopes } from "~/components/instruction/queue-envelopes";
import { QueueFilters } from "~/components/instruction/queue-filters";
import { QueueStatusTabs } from "~/components/instruction/queue-status-tabs";
import { QueueTable } from "~/components/instruction/queue-table";
import { Pagination } from "~/components/pagination";
import { db } from "~/db.server";
import { type ActionResult, fieldErrors } from "~/domain/forms";
import { formatDate, formatEuros } from "~/domain/format";
import { parseQueueFilter, QUEUE_PAGE_SIZE, queueSearch, readQueueFilter } from "~/domain/instruction-queue";
import { assignDossiers } from "~/services/instruction/assignment.server";
import { readFormData, replyTo } from "~/services/platform/http.server";
import { loadQueue } from "~/services/instruction/queue.server";
import { requireRole } from "~/session.server";
import { appUrl } from "~/env.server";

export const meta: MetaFunction = () => [
  { title: "File des dossiers — Instruction — Portail ESS Centre-Val de Loire" },
];

const STAFF = ["INSTRUCTOR", "ADMIN"] as const;

function plural(count: number, one: string, many: string) {
  return count > 1 ? many : one;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, [...STAFF]);
  const url = new URL(request.url);
  const { filter, notices } = readQueueFilter(url.searchParams);
  const queue = await loadQueue(db, user, filter);
  if (filter.page > queue.pageCount) {
    notices.push(`La page ${filter.page} n’existe pas : la dernière page (${queue.pageCount}) est affichée.`);
  }
  const shown = { ...filter, page: queue.page };

  // Set by the action's redirect after a bulk assignment.
  let confirmation: string | null = null;
  const assigned = Number(url.searchParams.get("affectes"));
  const to = url.searchParams.get("confie_a");
  if (url.searchParams.has("affectes") && Number.isInteger(assigned) && assigned >= 0 && to) {
    const name = queue.options.instructors.find((person) => person.id === to)?.name;
    if (assigned === 0)
      confirmation = "Aucun changement : les dossiers sélectionnés étaient déjà confiés ainsi.";
    else if (to === "aucun")
      confirmation = `${assigned} ${plural(assigned, "dossier n’a", "dossiers n’ont")} plus d’instructeur·rice attitré·e.`;
    else if (name)
      confirmation = `${assigned} ${plural(assigned, "dossier confié", "dossiers confiés")} à ${name}.`;
  }

  return {
    filter: shown,
    search: queueSearch(shown),
    notices,
    confirmation,
    total: queue.total,
    page: queue.page,
    pageCount: queue.pageCount,
    counts: queue.countsByStatus,
    options: queue.options,
    envelopes: queue.envelopes,
    missingScope: queue.missingScope,
    rows: queue.rows.map((row) => ({
      id: row.id,
      number: row.number ?? "—",
      title: row.title,
      organisation: row.organisation,
      scheme: row.scheme,
      department: row.department ?? "—",
      assignee: row.assignee?.name ?? "Non attribué",
      status: row.status,
      requested: row.requestedAmountCents === null ? "—" : formatEuros(row.requestedAmountCents),
      filedAt: row.filedAt ? formatDate(row.filedAt) : "—",
      correctionReplyBy: row.correctionReplyBy ? formatDate(row.correctionReplyBy) : null,
    })),
  };
}

const assignSchema = z.object({
  dossiers: z
    .array(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "Un des dossiers cochés n’existe pas."))
    .min(1, "Cochez au moins un dossier à confier."),
  confier_a: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, "Choisissez à qui confier les dossiers.")
    .default(""),
});

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, [...STAFF]);
  const filter = parseQueueFilter(new URL(request.url).searchParams);
  const form = await readFormData(request);
  const values = {
    dossiers: form.getAll("dossier").filter((value) => typeof value === "string"),
    confier_a: String(form.get("confier_a") ?? ""),
  };
  const parsed = assignSchema.safeParse(values);
  if (!parsed.success) {
    return data<ActionResult<typeof values>>({ errors: fieldErrors(parsed.error), values }, { status: 400 });
  }
  const assigneeId = parsed.data.confier_a === "aucun" ? null : parsed.data.confier_a;
  try {
    const { assigned } = await assignDossiers(db, {
      actor: user,
      dossierIds: parsed.data.dossiers,
      assigneeId,
      now: new Date(),
      appUrl: appUrl(),
    });
    const params = new URLSearchParams(queueSearch(filter));
    params.set("affectes", String(assigned));
    params.set("confie_a", assigneeId ?? "aucun");
    return redirect(`/instruction?${params}`);
  } catch (error) {
    return replyTo(error, { values });
  }
}

const ERROR_LABELS = { dossiers: "Dossiers", confier_a: "Confier à" };

export default function InstructionQueue() {
  const queue = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  const { filter, search, total } = queue;
  const first = (queue.page - 1) * QUEUE_PAGE_SIZE + 1;
  const caption =
    total === 0
      ? queue.missingScope
        ? "Aucun dossier : votre périmètre d’instruction n’est pas encore défini"
        : "Aucun dossier ne correspond au filtre"
      : `${total} ${plural(total, "dossier", "dossiers")}${
          queue.pageCount > 1 ? `, ${first} à ${first + queue.rows.length - 1} affichés` : ""
        }`;
  return (
    <>
      <h1>File des dossiers</h1>
      {/* Present from the first render, so the confirmation put in it after an assignment is announced. */}
      <div role="status">
        {queue.confirmation ? <p className="notice notice--success">{queue.confirmation}</p> : null}
      </div>
      {queue.notices.length > 0 ? (
        <div className="notice notice--warning" role="status">
          <ul>
            {queue.notices.map((notice) => (
              <li key={notice}>{notice}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <ErrorSummary
        errors={errors}
        labels={ERROR_LABELS}
        fieldId={(field) =>
          field === "confier_a" ? "confier_a" : field === "dossiers" ? "queue-caption" : undefined
        }
      />

      {queue.missingScope ? <MissingScope admins={queue.missingScope.admins} /> : null}

      <p className="queue-links">
        <Link to={`/instruction${queueSearch(filter, { assignee: "moi", page: 1 })}`}>Mes dossiers</Link>
        <Link to={`/instruction${queueSearch({ ...filter, assignee: "aucun", page: 1 })}`}>
          Dossiers non attribués
        </Link>
        <a href={`/instruction/export.csv${queueSearch(filter, { page: 1 })}`} download>
          Exporter en CSV (filtre en cours)
        </a>
      </p>

      <QueueFilters filter={filter} options={queue.options} formKey={search} />
      <QueueStatusTabs filter={filter} counts={queue.counts} />

      {queue.options.instructors.length > 0 && total > 0 ? (
        <QueueAssign
          instructors={queue.options.instructors}
          error={errors?.confier_a}
          defaultAssignee={result?.values.confier_a}
        />
      ) : null}
      <FieldError id="dossiers-error">{errors?.dossiers}</FieldError>
      <QueueTable
        rows={queue.rows}
        caption={caption}
        search={search}
        assignForm={queue.options.instructors.length > 0 ? ASSIGN_FORM_ID : null}
        selected={result?.values.dossiers ?? []}
      />
      <Pagination
        page={queue.page}
        pageCount={queue.pageCount}
        href={(page) => `/instruction${queueSearch(filter, { page })}`}
        numbered
      />
      <QueueEnvelopes envelopes={queue.envelopes} />
    </>
  );
}

/** A new instructor's first visit: why the queue is empty, and whom to ask. */
function MissingScope({ admins }: { admins: Array<{ name: string; email: string }> }) {
  return (
    <div className="notice notice--info">
      <p>
        Votre périmètre d’instruction (dispositifs, départements, territoires) n’est pas encore défini : aucun
        dossier ne vous est donc attribuable ni visible. Il est défini par un administrateur ou une
        administratrice du portail, dans Administration, rubrique « Comptes ».
      </p>
      {admins.length > 0 ? (
        <p>
          Contact :{" "}
          {admins.map((admin, index) => (
            <span key={admin.email}>
              {index > 0 ? ", " : null}
              {admin.name} (<a href={`mailto:${admin.email}`}>{admin.email}</a>)
            </span>
          ))}
          .
        </p>
      ) : null}
    </div>
  );
}
