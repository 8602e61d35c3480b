// What the applicant has to do next with a dossier, by status; the decision once there is one.
import { Link } from "@remix-run/react";

import { TRANSITIONS } from "~/domain/dossier-workflow";
import { CorrectionRequests } from "~/components/dossier-overview/correction-requests";
import { DossierStatus } from "~/generated/prisma/enums";
import type { DossierOverview } from "~/services/applicant/dossier-overview.server";

export function NextAction({ dossier, corrections }: Pick<DossierOverview, "dossier" | "corrections">) {
  const depot = `/dossiers/${dossier.id}/depot`;
  switch (dossier.status) {
    case DossierStatus.DRAFT:
      return (
        <>
          <p>
            Votre dossier est un brouillon&nbsp;: complétez chaque étape, joignez les pièces demandées, puis
            déposez-le. Il ne sera examiné par la Région qu’une fois déposé.
          </p>
          <ul className="next-action__links">
            <li>
              <Link to={dossier.firstStepHref} className="button">
                Compléter et déposer
              </Link>
            </li>
            <li>
              <Link to={depot}>Vérifier ce qui manque et déposer</Link>
            </li>
          </ul>
        </>
      );
    case DossierStatus.FILED:
      return (
        <>
          <p>
            Déposé, en attente d’instruction&nbsp;: vous pouvez encore le modifier. Chaque modification est
            signalée au service instructeur.
          </p>
          <p>
            <Link to={dossier.firstStepHref}>Modifier le dossier</Link>
          </p>
        </>
      );
    case DossierStatus.CORRECTION_REQUESTED:
      return (
        <>
          <p>Le service instructeur vous demande de corriger ou de compléter votre dossier.</p>
          <CorrectionRequests corrections={corrections} />
          <ul className="next-action__links">
            <li>
              <Link
                to={
                  corrections.find((correction) => correction.startHref)?.startHref ?? dossier.firstStepHref
                }
                className="button"
              >
                Corriger le dossier
              </Link>
            </li>
            <li>
              <Link to={depot}>{TRANSITIONS.RESUBMIT.label}</Link>
            </li>
          </ul>
        </>
      );
    case DossierStatus.UNDER_INSTRUCTION:
      return (
        <p>
          Votre dossier est en cours d’instruction par le service de la Région&nbsp;: il ne peut plus être
          modifié. S’il manque quelque chose, une demande de correction vous sera adressée par courriel. Pour
          transmettre une information, écrivez au service instructeur ci-dessous.
        </p>
      );
    case DossierStatus.PROPOSED:
      return (
        <p>
          L’instruction de votre dossier est terminée. Il sera présenté à la Commission permanente du Conseil
          régional
          {dossier.commissionDate ? ` du ${dossier.commissionDate}` : ""}, qui décide de l’aide. Vous recevrez
          la décision par courriel.
        </p>
      );
    default:
      return <Decision dossier={dossier} />;
  }
}

function Decision({ dossier }: Pick<DossierOverview, "dossier">) {
  const when = dossier.commissionDate
    ? ` par la Commission permanente du ${dossier.commissionDate}`
    : dossier.decidedOn
      ? ` le ${dossier.decidedOn}`
      : "";
  return (
    <>
      {dossier.status === DossierStatus.GRANTED || dossier.status === DossierStatus.SETTLED ? (
        <p>
          <strong>Aide accordée{dossier.grantedAmount ? `\u00a0: ${dossier.grantedAmount}` : ""}</strong>
          {when}.
        </p>
      ) : dossier.status === DossierStatus.REFUSED ? (
        <p>
          <strong>Demande refusée</strong>
          {when}.
        </p>
      ) : (
        <p>
          <strong>Dossier clos sans suite</strong>
          {dossier.closedOn ? ` le ${dossier.closedOn}` : ""}.
        </p>
      )}
      {dossier.decisionReason ? (
        <p className="message__body">
          {dossier.status === DossierStatus.GRANTED || dossier.status === DossierStatus.SETTLED
            ? ""
            : "Motif\u00a0: "}
          {dossier.decisionReason}
        </p>
      ) : null}
      <p>Les documents de la décision, dès qu’ils sont établis, sont à télécharger ci-dessous.</p>
    </>
  );
}
