// The top of the instructor's dossier page: the way back to the queue and to the dossiers on either side
// (keeping the queue's filter), the dossier's identity, and what became of the last action.
import { Link, useLocation } from "@remix-run/react";
import { useEffect, useRef } from "react";

import { ErrorSummary } from "~/components/error-summary";
import { StatusBadge } from "~/components/status-badge";

import type { DossierActionResult, DossierPageData } from "./dossier-action-result";
import { CONFIRMATION_ID, type DossierConfirmation } from "./dossier-confirmations";

export function DossierHeader({
  dossier,
  navigation,
  confirmation,
  result,
}: {
  dossier: DossierPageData["dossier"];
  navigation: DossierPageData["navigation"];
  confirmation: DossierConfirmation | null;
  result?: DossierActionResult;
}) {
  const location = useLocation();
  const organisation = dossier.organisation;
  // A form no longer on the page (the status changed meanwhile) shows its refusal here.
  const formErrors: Record<string, string> =
    result && !result.conflict && result.errors.form ? { form: result.errors.form } : {};
  return (
    <>
      <nav aria-label="Navigation dans la file" className="instruction-nav">
        <Link to={navigation.queueHref}>Retour à la file</Link>
        {navigation.position !== null ? (
          <span>
            Dossier {navigation.position} sur {navigation.total}
          </span>
        ) : null}
        {navigation.previousHref ? <Link to={navigation.previousHref}>Dossier précédent</Link> : null}
        {navigation.nextHref ? <Link to={navigation.nextHref}>Dossier suivant</Link> : null}
      </nav>
      <header className="dossier__header">
        <p className="dossier__scheme">{dossier.schemeName}</p>
        <h1>
          {dossier.number} — {dossier.title}
        </h1>
        <p className="dossier__meta">
          <StatusBadge status={dossier.status} /> · {organisation.name}
          {organisation.siret ? ` · SIRET ${organisation.siret}` : ""}
          {organisation.rnaNumber ? ` · RNA ${organisation.rnaNumber}` : ""}
          {organisation.departmentCode ? ` · département ${organisation.departmentCode}` : ""}
        </p>
      </header>
      {result?.conflict ? (
        <div className="notice notice--error" role="alert">
          <p className="notice__title">Votre action n’a pas été enregistrée</p>
          <p>{result.conflict}</p>
          <p>
            <a href={`${location.pathname}${location.search}`}>Recharger le dossier</a> (ce que vous avez
            saisi reste dans le formulaire ci-dessous tant que vous ne rechargez pas).
          </p>
        </div>
      ) : null}
      <ErrorSummary errors={formErrors} />
      <ConfirmationNotice confirmation={confirmation} />
    </>
  );
}

/**
 * After an action the page opens here (the redirect's #confirmation) and, with JavaScript, focus comes here
 * too, so the notice is read and seen before the link down to the section the action changed.
 */
function ConfirmationNotice({ confirmation }: { confirmation: DossierConfirmation | null }) {
  const notice = useRef<HTMLDivElement>(null);
  // Each arrival after an action, the same action twice included.
  const { key } = useLocation();
  const shown = Boolean(confirmation);
  useEffect(() => {
    if (shown) notice.current?.focus();
  }, [shown, key]);
  return (
    <div role="status">
      {confirmation ? (
        <div id={CONFIRMATION_ID} ref={notice} tabIndex={-1} className="notice notice--success">
          <p>
            {confirmation.text} <a href={`#${confirmation.section.anchor}`}>{confirmation.section.label}</a>
          </p>
        </div>
      ) : null}
    </div>
  );
}
