// The last step: what is still missing (each with a link to fix it), the eligibility re-check against the
// dossier's own rule set, the declaration on honour, and filing — once, however often the button is pressed.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";

import { CorrectionRequests } from "~/components/dossier-overview/correction-requests";
import { db } from "~/db.server";
import { TRANSITIONS } from "~/domain/dossier-workflow";
import { dossierSteps } from "~/domain/dossier-forms";
import { DossierStatus } from "~/generated/prisma/enums";
import { MAX_ANSWER_NOTE_LENGTH } from "~/services/applicant/correction-answer.server";
import { openCorrections } from "~/services/applicant/correction-requests.server";
import {
  formContext,
  getDossierForMember,
  moveDraftToRulesInForce,
  rulesChangedNotice,
} from "~/services/applicant/dossiers.server";
import { dossierChecklist, fileDossier } from "~/services/applicant/filing.server";
import { readFormData, replyTo } from "~/services/platform/http.server";
import { requireRole } from "~/session.server";
import { storage } from "~/storage.server";
import { appUrl } from "~/env.server";
import { type ActionResult } from "~/domain/forms";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "APPLICANT");
  let dossier = await getDossierForMember(db, user.id, params.id ?? "");
  if (dossier.status !== DossierStatus.DRAFT && dossier.status !== DossierStatus.CORRECTION_REQUESTED) {
    throw redirect(`/dossiers/${dossier.id}`);
  }
  const now = new Date();
  // The checklist shown is the one that will judge the dossier: the rules in force today.
  if (await moveDraftToRulesInForce(db, dossier, now)) {
    dossier = await getDossierForMember(db, user.id, dossier.id);
  }
  const checklist = await dossierChecklist(db, dossier, now);
  const parameters = dossier.ruleSet.parameters as { applicantTexts?: { filingDeclaration?: string } };
  const context = await formContext(db, dossier.schemeCode, dossier.ruleSet.parameters);
  const corrections = await openCorrections(
    db,
    dossier,
    dossierSteps(dossier.schemeCode, context),
    context.parameters.requiredAttachments,
  );
  return {
    corrections: corrections.map(({ requestedAt: _requestedAt, ...correction }) => correction),
    // Through the loader: imports of a .server module are empty in the browser.
    maxNoteLength: MAX_ANSWER_NOTE_LENGTH,
    dossierId: dossier.id,
    correction: dossier.status === DossierStatus.CORRECTION_REQUESTED,
    sections: checklist.sections,
    eligibility: {
      eligible: checklist.eligibility.eligible,
      criteria: checklist.eligibility.criteria,
    },
    closedMessage: checklist.closedMessage,
    ready: checklist.ready,
    declaration: parameters.applicantTexts?.filingDeclaration ?? "",
    rulesNotice: await rulesChangedNotice(db, dossier),
  };
}

const refuse = (message: string) =>
  data<ActionResult<undefined>>({ errors: { form: message } }, { status: 400 });

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "APPLICANT");
  const form = await readFormData(request);
  if (form.get("declaration") !== "on") {
    return refuse("Cochez l’attestation sur l’honneur pour déposer le dossier.");
  }
  try {
    const result = await fileDossier(db, storage(), {
      userId: user.id,
      dossierId: params.id ?? "",
      appUrl: appUrl(),
      note: String(form.get("note") ?? ""),
    });
    const message = result.alreadyFiled ? "deja-depose" : result.corrected ? "corrige-renvoye" : "depose";
    return redirect(`/dossiers/${params.id}?message=${message}`);
  } catch (error) {
    return replyTo(error);
  }
}

const VERDICT = { true: "Rempli", false: "Non rempli", null: "À préciser" } as const;

export default function FilingStep() {
  const {
    dossierId,
    correction,
    corrections,
    maxNoteLength,
    sections,
    eligibility,
    closedMessage,
    ready,
    declaration,
    rulesNotice,
  } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const submitting = navigation.state !== "idle" && navigation.formMethod === "POST";
  const missing = sections.reduce((count, section) => count + section.items.length, 0);
  return (
    <section aria-labelledby="titre-depot">
      <h2 id="titre-depot">{correction ? TRANSITIONS.RESUBMIT.label : "Vérification et dépôt"}</h2>
      {result?.errors.form ? (
        <p className="notice notice--error" role="alert" tabIndex={-1}>
          {result.errors.form}
        </p>
      ) : null}
      {rulesNotice ? <p className="notice notice--info">{rulesNotice}</p> : null}
      {closedMessage ? <p className="notice notice--warning">{closedMessage}</p> : null}
      {corrections.length > 0 ? (
        <>
          <h3>Ce que demande le service instructeur</h3>
          <CorrectionRequests corrections={corrections} headingLevel={4} />
        </>
      ) : null}

      <h3>Ce qu’il reste à compléter</h3>
      {missing === 0 ? (
        <p className="notice notice--success">Le dossier est complet.</p>
      ) : (
        <>
          <p>
            {missing === 1 ? "Un élément manque" : `${missing} éléments manquent`} avant de pouvoir déposer le
            dossier :
          </p>
          {sections
            .filter((section) => section.items.length > 0)
            .map((section) => (
              <div key={section.title} className="checklist">
                <h4>{section.title}</h4>
                <ul>
                  {section.items.map((item) => (
                    <li key={`${item.href}-${item.message}`}>
                      <Link to={item.href}>{item.label}</Link> : {item.message}
                    </li>
                  ))}
                </ul>
              </div>
            ))}
        </>
      )}

      <h3>Éligibilité</h3>
      <p>
        {eligibility.eligible === true
          ? "D’après vos réponses, le projet remplit les conditions du dispositif."
          : eligibility.eligible === false
            ? "D’après vos réponses, le projet ne remplit pas les conditions du dispositif : il ne peut pas être déposé."
            : "Certaines conditions ne peuvent pas encore être vérifiées : complétez le dossier."}
      </p>
      <ul className="criteria">
        {eligibility.criteria.map((criterion) => (
          <li key={criterion.id}>
            <strong>
              {criterion.label} : {VERDICT[String(criterion.met) as keyof typeof VERDICT]}.
            </strong>{" "}
            {criterion.explanation}
          </li>
        ))}
      </ul>

      {ready ? (
        <Form method="post" className="filing">
          {correction ? (
            <div className="field">
              <label htmlFor="note" className="field__label">
                Un mot pour le service instructeur <span className="field__optional">(facultatif)</span>
              </label>
              <p className="field__hint" id="note-hint">
                Ce que vous avez corrigé ou ajouté, ou ce qui reste à venir. {maxNoteLength} caractères au
                plus.
              </p>
              <textarea
                id="note"
                name="note"
                rows={4}
                maxLength={maxNoteLength}
                aria-describedby="note-hint"
                className="field__input"
              />
            </div>
          ) : null}
          <div className="checkbox">
            <input type="checkbox" id="declaration" name="declaration" required />
            <label htmlFor="declaration">{declaration}</label>
          </div>
          <button type="submit" className="button" disabled={submitting}>
            {submitting
              ? "Dépôt en cours…"
              : correction
                ? TRANSITIONS.RESUBMIT.label
                : TRANSITIONS.FILE.label}
          </button>
        </Form>
      ) : (
        <p>
          <Link to={`/dossiers/${dossierId}`}>Revenir à la page du dossier</Link>
        </p>
      )}
    </section>
  );
}
