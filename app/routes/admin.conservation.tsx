// Retention of finished dossiers: how long their pieces and personal data are kept and how early their
// organisation is warned, what the job will do in the next 90 days, and what it did last.
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { ErrorSummary } from "~/components/error-summary";
import { InputField } from "~/components/form-field";
import { StatusBadge } from "~/components/status-badge";
import { db } from "~/db.server";
import { formatDate, formatDateTime } from "~/domain/format";
import { PURGE_NOTICE_DAYS_RANGE, RETENTION_MONTHS_RANGE } from "~/domain/retention";
import { readFormData, replyTo } from "~/services/platform/http.server";
import { retentionOverview, updateRetentionSettings } from "~/services/admin/retention.server";
import { requireRole } from "~/session.server";
import { type ActionResult } from "~/domain/forms";

export const meta: MetaFunction = () => [
  { title: "Conservation des données — Administration — Portail ESS Centre-Val de Loire" },
];

const HORIZON_DAYS = 90;

const CONFIRMATIONS: Record<string, string> = {
  enregistre:
    "Les durées sont enregistrées. Elles s’appliquent dès la prochaine exécution de la tâche de conservation, dans les dix minutes.",
};

const LABELS = {
  retentionMonths: "Durée de conservation (en mois)",
  purgeNoticeDays: "Délai de prévenance (en jours)",
};

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const done = new URL(request.url).searchParams.get("fait") ?? "";
  const { settings, upcoming, purged } = await retentionOverview(db, new Date(), HORIZON_DAYS);
  return {
    confirmation: CONFIRMATIONS[done] ?? null,
    settings: {
      retentionMonths: String(settings.retentionMonths),
      purgeNoticeDays: String(settings.purgeNoticeDays),
      updatedAt: formatDateTime(settings.updatedAt),
    },
    upcoming: upcoming.map((row) => ({
      id: row.id,
      number: row.number ?? row.title,
      organisation: row.organisation,
      status: row.status,
      notice: row.noticeSentAt
        ? `Envoyé le ${formatDate(row.noticeSentAt)}`
        : `Prévu le ${formatDate(row.noticeOn)}`,
      purgeOn: formatDate(row.purgeOn),
    })),
    purged: purged.map((row) => ({
      id: row.id,
      number: row.number ?? row.title,
      organisation: row.organisation.name,
      status: row.status,
      purgedOn: formatDate(row.purgedAt!),
    })),
  };
}

/** The page's one form; anything else posted here is a stale or forged page. */
const intentSchema = z.literal("settings");

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "ADMIN");
  const form = await readFormData(request);
  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  const values = { retentionMonths: field("retentionMonths"), purgeNoticeDays: field("purgeNoticeDays") };
  if (!intentSchema.safeParse(form.get("intent")).success) {
    return data<ActionResult<Record<keyof typeof LABELS, string>>>(
      { errors: { form: "Action inconnue : rechargez la page et réessayez." }, values },
      { status: 400 },
    );
  }
  try {
    await updateRetentionSettings(db, { actorId: user.id, values, now: new Date() });
  } catch (error) {
    return replyTo(error, { values });
  }
  return redirect("/admin/conservation?fait=enregistre");
}

export default function Retention() {
  const { confirmation, settings, upcoming, purged } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  const values = result?.values ?? settings;
  return (
    <>
      <h1>Conservation des données</h1>
      <p>
        Un dossier accordé, refusé ou clos garde ses pièces et ses données personnelles pendant la durée de
        conservation, comptée depuis la décision ou la clôture, ou depuis la dernière échéance de versement ou
        de remboursement si elle est plus tardive. Les membres de l’organisation sont prévenus par e-mail
        avant la suppression ; restent ensuite le numéro, le dispositif, le statut, les montants, les dates et
        l’historique, pour les statistiques et le contrôle.
      </p>
      {/* Present from the first render, so what is put in it after an action is announced. */}
      <div role="status">
        {confirmation ? <p className="notice notice--success">{confirmation}</p> : null}
      </div>

      <section aria-labelledby="durees">
        <h2 id="durees">Durées</h2>
        <ErrorSummary errors={errors} labels={LABELS} />
        <Form method="post" noValidate aria-labelledby="durees">
          <input type="hidden" name="intent" value="settings" />
          <InputField
            name="retentionMonths"
            label={LABELS.retentionMonths}
            hint={`Entre ${RETENTION_MONTHS_RANGE.min} et ${RETENTION_MONTHS_RANGE.max} mois ; 60 mois (5 ans) par défaut.`}
            inputMode="numeric"
            required
            defaultValue={values.retentionMonths}
            error={errors?.retentionMonths}
          />
          <InputField
            name="purgeNoticeDays"
            label={LABELS.purgeNoticeDays}
            hint={`Entre ${PURGE_NOTICE_DAYS_RANGE.min} et ${PURGE_NOTICE_DAYS_RANGE.max} jours avant la suppression. Un dossier n’est jamais supprimé moins de ce délai après l’envoi de son avis, même si la durée est raccourcie.`}
            inputMode="numeric"
            required
            defaultValue={values.purgeNoticeDays}
            error={errors?.purgeNoticeDays}
          />
          <p className="field__hint">Dernière modification le {settings.updatedAt}.</p>
          <div className="form-actions">
            <button type="submit" className="button">
              Enregistrer les durées
            </button>
          </div>
        </Form>
      </section>

      <section aria-labelledby="a-venir">
        <h2 id="a-venir">Dans les {HORIZON_DAYS} prochains jours</h2>
        {upcoming.length === 0 ? (
          <p>Aucun avis ni aucune suppression n’est prévu dans les {HORIZON_DAYS} prochains jours.</p>
        ) : (
          <DossierTable
            caption={`Dossiers dont l’avis ou la suppression tombe dans les ${HORIZON_DAYS} prochains jours, les plus proches d’abord`}
            id="a-venir-caption"
            rows={upcoming.map((row) => ({ ...row, cells: [row.notice, row.purgeOn] }))}
            columns={["Avis aux membres", "Suppression prévue le"]}
          />
        )}
      </section>

      <section aria-labelledby="purges">
        <h2 id="purges">Derniers dossiers purgés</h2>
        {purged.length === 0 ? (
          <p>Aucun dossier n’a encore été purgé.</p>
        ) : (
          <DossierTable
            caption="Derniers dossiers purgés, les plus récents d’abord"
            id="purges-caption"
            rows={purged.map((row) => ({ ...row, cells: [row.purgedOn] }))}
            columns={["Purgé le"]}
          />
        )}
      </section>
    </>
  );
}

function DossierTable({
  caption,
  id,
  columns,
  rows,
}: {
  caption: string;
  id: string;
  columns: string[];
  rows: Array<{
    id: string;
    number: string;
    organisation: string;
    status: Parameters<typeof StatusBadge>[0]["status"];
    cells: string[];
  }>;
}) {
  return (
    <div className="table-scroll" role="region" aria-labelledby={id} tabIndex={0}>
      <table>
        <caption id={id}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Dossier</th>
            <th scope="col">Organisation</th>
            <th scope="col">Statut</th>
            {columns.map((column) => (
              <th scope="col" key={column}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row" className="dossier-number">
                <Link to={`/instruction/dossiers/${row.id}`}>{row.number}</Link>
              </th>
              <td>{row.organisation}</td>
              <td>
                <StatusBadge status={row.status} />
              </td>
              {row.cells.map((cell, index) => (
                <td key={columns[index]}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
