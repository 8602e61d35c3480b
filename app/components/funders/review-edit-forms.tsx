import { Form } from "@remix-run/react";

import { FieldError } from "~/components/form-field";

export interface ReviewCandidate {
  id: string;
  number: string;
  title: string;
  organisationName: string;
  schemeName: string;
  onAgenda: boolean;
}

/** Ticks the shared dossiers to examine; the agenda follows the order of the list. */
export function ReviewItemsForm({ candidates, error }: { candidates: ReviewCandidate[]; error?: string }) {
  if (candidates.length === 0) {
    return <p>Aucun dossier n’est partagé avec la communauté des financeurs pour l’instant.</p>;
  }
  return (
    <Form method="post" id="dossierIds" tabIndex={-1}>
      <input type="hidden" name="intent" value="items" />
      <fieldset aria-describedby={error ? "dossierIds-error" : undefined}>
        <legend>Dossiers partagés à examiner</legend>
        <FieldError id="dossierIds-error">{error}</FieldError>
        {candidates.map((candidate) => (
          <div className="checkbox" key={candidate.id}>
            <input
              type="checkbox"
              name="dossierId"
              value={candidate.id}
              id={`dossier-${candidate.id}`}
              defaultChecked={candidate.onAgenda}
            />
            <label htmlFor={`dossier-${candidate.id}`}>
              {candidate.number} — {candidate.title}{" "}
              <span className="review-form__muted">
                ({candidate.organisationName}, {candidate.schemeName})
              </span>
            </label>
          </div>
        ))}
      </fieldset>
      <button type="submit" className="button">
        Enregistrer l’ordre du jour
      </button>
    </Form>
  );
}

/** Ticks organisations to invite, each with who will receive the email, or a warning that nobody will. */
export function ReviewInviteForm({
  organisations,
  error,
}: {
  organisations: Array<{ id: string; name: string; activeMembers: number }>;
  error?: string;
}) {
  if (organisations.length === 0) return <p>Toutes les organisations de la communauté sont invitées.</p>;
  return (
    <Form method="post" id="funderOrganisationIds" tabIndex={-1}>
      <input type="hidden" name="intent" value="invite" />
      <fieldset aria-describedby={error ? "funderOrganisationIds-error" : undefined}>
        <legend>Organisations à inviter</legend>
        <p className="field__hint">
          Chaque membre actif d’une organisation invitée reçoit un courriel ; votre propre organisation
          participe déjà.
        </p>
        <FieldError id="funderOrganisationIds-error">{error}</FieldError>
        {organisations.map((organisation) => (
          <div className="checkbox" key={organisation.id}>
            <input
              type="checkbox"
              name="funderOrganisationId"
              value={organisation.id}
              id={`organisation-${organisation.id}`}
            />
            <label htmlFor={`organisation-${organisation.id}`}>
              {organisation.name}{" "}
              <span
                className={organisation.activeMembers === 0 ? "review-invite__none" : "review-invite__count"}
              >
                {organisation.activeMembers === 0
                  ? "— aucun membre actif : personne ne recevra l’invitation"
                  : `— ${organisation.activeMembers} membre${organisation.activeMembers > 1 ? "s" : ""} recevr${organisation.activeMembers > 1 ? "ont" : "a"} un courriel`}
              </span>
            </label>
          </div>
        ))}
      </fieldset>
      <button type="submit" className="button">
        Inviter
      </button>
    </Form>
  );
}
