// The dossier's identity for the instructor: organisation, scheme and rule-set version, amounts, the
// referent instructor with the form to hand the dossier over, and who handed it to whom before.
import { Form } from "@remix-run/react";

import { ErrorSummary } from "~/components/error-summary";
import { SelectField } from "~/components/form-field";

import { formState, type DossierActionResult, type DossierPageData } from "./dossier-action-result";

export function DossierSummary({
  dossier,
  assignment,
  result,
}: {
  dossier: DossierPageData["dossier"];
  assignment: DossierPageData["assignment"];
  result?: DossierActionResult;
}) {
  const form = formState(result, "assign");
  const rows: Array<[string, string | null]> = [
    ["Dispositif", dossier.schemeName],
    ["Règlement du dispositif", `version ${dossier.ruleSetVersion}`],
    ["Appel", dossier.callTitle],
    ["Montant demandé", dossier.requestedAmount],
    ["Budget total du projet", dossier.totalBudget],
    ["Montant proposé", dossier.proposedAmount],
    ["Montant accordé", dossier.grantedAmount],
    ["Déposé le", dossier.filedOn],
  ];
  return (
    <section aria-labelledby="synthese" className="instruction-summary">
      <h2 id="synthese">Synthèse</h2>
      <dl className="details">
        {rows
          .filter(([, value]) => value !== null)
          .map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        <div>
          <dt>Instructrice ou instructeur référent</dt>
          <dd>{dossier.assignee?.name ?? "Personne pour l’instant"}</dd>
        </div>
      </dl>
      <Form method="post" className="inline-form instruction-assign" noValidate>
        <ErrorSummary errors={form.errors} labels={{ assigneeId: "Confier à" }} />
        <input type="hidden" name="intent" value="assign" />
        <SelectField
          name="assigneeId"
          label="Confier le dossier à"
          required
          placeholder="Choisir une instructrice ou un instructeur…"
          options={assignment.instructors}
          defaultValue={form.value("assigneeId") ?? dossier.assignee?.id ?? ""}
          error={form.errors.assigneeId}
        />
        <button type="submit" className="button button--secondary">
          Confier
        </button>
      </Form>
      {assignment.history.length > 0 ? (
        <>
          <h3>Historique des affectations</h3>
          <ul className="instruction-history">
            {assignment.history.map((entry) => (
              <li key={entry.id}>
                <time dateTime={entry.iso}>{entry.at}</time> — {entry.reason} (par {entry.actor})
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
