import { BudgetLinesTable } from "~/components/budget-lines-table";
import { StatusBadge } from "~/components/status-badge";
import { formatEuros } from "~/domain/format";
import type { FunderDossierSummary } from "~/services/funders/dossier.server";

const euros = (cents: number | null) => (cents === null ? "—" : formatEuros(cents));
const fte = (value: number | null) => (value === null ? null : `${value.toLocaleString("fr-FR")} ETP`);

type Row = { label: string; value: string | null };

function FunderBudgetTable({
  id,
  caption,
  lines,
}: {
  id: string;
  caption: string;
  lines: FunderDossierSummary["budget"]["expenses"];
}) {
  return (
    <BudgetLinesTable
      id={id}
      caption={caption}
      lines={lines.map((line) => ({ ...line, amount: formatEuros(line.amountCents) }))}
      total={formatEuros(lines.reduce((sum, line) => sum + line.amountCents, 0))}
    />
  );
}

function Details({ rows }: { rows: Row[] }) {
  return (
    <dl className="details">
      {rows
        .filter((row): row is { label: string; value: string } => row.value !== null && row.value !== "")
        .map((row) => (
          <div key={row.label}>
            <dt>{row.label}</dt>
            <dd>{row.value}</dd>
          </div>
        ))}
    </dl>
  );
}

/** The shared dossier as funders read it: the project, its holder, its budget and the Region's stage. */
export function DossierSummary({ summary }: { summary: FunderDossierSummary }) {
  const { dossier, organisation } = summary;
  return (
    <>
      <h1>{dossier.title}</h1>
      <p className="lead">
        {dossier.number} · {dossier.scheme} · {organisation.name}
      </p>

      <section aria-labelledby="etape-region">
        <h2 id="etape-region">Instruction par la Région</h2>
        <p>
          <StatusBadge status={dossier.status} />
          {dossier.stageLabel ? (
            <span className="visually-hidden"> (colonne « {dossier.stageLabel} »)</span>
          ) : null}
        </p>
        <Details
          rows={[
            { label: "Déposé le", value: dossier.filedOn },
            { label: "Partagé avec les financeurs le", value: dossier.sharedOn },
            { label: "Montant demandé à la Région", value: euros(dossier.requestedAmountCents) },
            {
              label: "Montant proposé par l’instruction",
              value: dossier.proposedAmountCents === null ? null : formatEuros(dossier.proposedAmountCents),
            },
            {
              label: "Montant accordé",
              value: dossier.grantedAmountCents === null ? null : formatEuros(dossier.grantedAmountCents),
            },
            { label: "Décision de la Commission permanente le", value: dossier.decidedOn },
          ]}
        />
      </section>

      <section aria-labelledby="projet">
        <h2 id="projet">Le projet</h2>
        <Details
          rows={[
            { label: "Dispositif", value: dossier.scheme },
            { label: "Département", value: dossier.department },
            { label: "Territoire", value: dossier.territory },
            { label: "Secteur", value: dossier.sector },
            { label: "Emplois créés", value: fte(dossier.jobsCreatedFte) },
            { label: "Emplois consolidés", value: fte(dossier.jobsConsolidatedFte) },
            {
              label: "Salariés associés",
              value:
                dossier.employeeAssociatesCount === null ? null : String(dossier.employeeAssociatesCount),
            },
            ...summary.answers,
          ]}
        />
      </section>

      <section aria-labelledby="organisation">
        <h2 id="organisation">L’organisation</h2>
        <Details
          rows={[
            { label: "Nom", value: organisation.name },
            { label: "Forme juridique", value: organisation.legalForm },
            { label: "Commune", value: organisation.town },
            { label: "Département", value: organisation.department },
          ]}
        />
      </section>

      <section aria-labelledby="budget">
        <h2 id="budget">Budget et plan de financement</h2>
        <FunderBudgetTable id="budget-depenses" caption="Dépenses prévues" lines={summary.budget.expenses} />
        <FunderBudgetTable
          id="budget-ressources"
          caption="Ressources prévues"
          lines={summary.budget.resources}
        />
      </section>
    </>
  );
}
