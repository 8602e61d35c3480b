// The consent to share a dossier with the funders' community: explained in plain words, revocable.
import { Form } from "@remix-run/react";

import { ErrorSummary } from "~/components/error-summary";
import type { DossierOverview } from "~/services/applicant/dossier-overview.server";

import type { OverviewActionResult } from "./types";

export function SharingForm({
  sharing,
  result,
}: {
  sharing: DossierOverview["sharing"];
  result?: OverviewActionResult;
}) {
  const errors = result?.intent === "sharing" ? result.errors : {};
  const change = sharing.lastChange;
  return (
    <>
      <p>
        Les financeurs partenaires de la Région (État, Banque des Territoires, Bpifrance, France Active,
        fondations, mutuelles, intercommunalités…) se coordonnent pour soutenir les projets de l’économie
        sociale et solidaire. Si vous l’acceptez, ils pourront voir votre dossier et vous proposer un
        cofinancement.
      </p>
      <div className="sharing-scope">
        <div>
          <h3>Ce que les financeurs verront</h3>
          <ul>
            <li>le résumé de votre projet et votre organisation&nbsp;;</li>
            <li>l’étape où en est votre dossier&nbsp;;</li>
            <li>les montants demandés et votre plan de financement.</li>
          </ul>
        </div>
        <div>
          <h3>Ce qu’ils ne verront jamais</h3>
          <ul>
            <li>les notes internes du service instructeur&nbsp;;</li>
            <li>vos messages avec le service instructeur&nbsp;;</li>
            <li>vos coordonnées bancaires.</li>
          </ul>
        </div>
      </div>
      <p>
        Vous pouvez retirer votre accord à tout moment&nbsp;: votre dossier disparaît alors de la liste des
        financeurs. Ce choix n’a aucune incidence sur l’instruction de votre demande par la Région.
      </p>
      <p className="sharing-state">
        <strong>
          {sharing.shared
            ? "Votre dossier est partagé avec la communauté des financeurs."
            : "Votre dossier n’est pas partagé avec la communauté des financeurs."}
        </strong>
        {change
          ? ` ${change.shared ? "Accord donné" : "Accord retiré"} le ${change.at}${change.by ? ` par ${change.by}` : ""}.`
          : null}
      </p>
      <ErrorSummary errors={errors} />
      <Form method="post">
        <input type="hidden" name="intent" value="sharing" />
        <div className="checkbox">
          <input type="checkbox" id="share" name="share" defaultChecked={sharing.shared} />
          <label htmlFor="share">
            J’accepte que ce dossier soit partagé avec la communauté des financeurs
          </label>
        </div>
        <button type="submit" className="button button--secondary">
          Enregistrer mon choix
        </button>
      </Form>
    </>
  );
}
