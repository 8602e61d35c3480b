// The frame of a dossier's pages: its number, status, the read-only banner once instruction has started,
// and the stepper of its form.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, NavLink, Outlet, useLoaderData } from "@remix-run/react";

import { StatusBadge } from "~/components/status-badge";
import { db } from "~/db.server";
import { ATTACHMENTS_STEP, dossierSteps, readDossierAnswers, REVIEW_STEP } from "~/domain/dossier-forms";
import { formatDateTime } from "~/domain/format";
import { legalFormLabel } from "~/domain/legal-forms";
import { purgedDossierMessage } from "~/domain/retention";
import {
  answersOf,
  formContext,
  getDossierForMember,
  isEditableByApplicant,
} from "~/services/applicant/dossiers.server";
import { requireRole } from "~/session.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.dossier.title ?? "Dossier"} — Portail ESS Centre-Val de Loire` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "APPLICANT");
  const dossier = await getDossierForMember(db, user.id, params.id ?? "");
  const context = await formContext(db, dossier.schemeCode, dossier.ruleSet.parameters);
  const steps = dossierSteps(dossier.schemeCode, context);
  const reading = readDossierAnswers(dossier.schemeCode, context, answersOf(dossier.answers));
  const toFix = (stepId: string) => reading.issues.filter((issue) => issue.stepId === stepId).length;
  return {
    dossier: {
      id: dossier.id,
      number: dossier.number,
      title: dossier.title,
      status: dossier.status,
      scheme: dossier.scheme.name,
      organisation: dossier.organisation.name,
      organisationId: dossier.organisation.id,
      ruleSetVersion: dossier.ruleSet.version,
      filedAt: dossier.filedAt ? formatDateTime(dossier.filedAt) : null,
      editable: isEditableByApplicant(dossier.status),
      purged: dossier.purgedAt ? purgedDossierMessage(dossier.purgedAt) : null,
    },
    // The profile fills every dossier: shown so nobody types it again, with where to change it.
    profile: [
      ["Forme juridique", legalFormLabel(dossier.organisation.legalForm)],
      ["SIRET", dossier.organisation.siret],
      ["Numéro RNA", dossier.organisation.rnaNumber],
      [
        "Adresse",
        [dossier.organisation.addressLine, dossier.organisation.postcode, dossier.organisation.city]
          .filter(Boolean)
          .join(" "),
      ],
      ["Représentant·e légal·e", dossier.organisation.legalRepresentativeName],
      ["Contact", dossier.organisation.contactEmail],
      ["IBAN", dossier.organisation.iban ? `•••• ${dossier.organisation.iban.slice(-4)}` : null],
    ].map(([label, value]) => ({ label: label!, value: value || "Non renseigné" })),
    steps: [
      ...steps.map((step) => ({ id: step.id, title: step.title, toFix: toFix(step.id) })),
      { id: ATTACHMENTS_STEP.id, title: ATTACHMENTS_STEP.title, toFix: 0 },
      // Once filed, there is nothing left to file (until a correction is asked for).
      ...(dossier.status === "DRAFT" || dossier.status === "CORRECTION_REQUESTED"
        ? [{ id: REVIEW_STEP.id, title: REVIEW_STEP.title, toFix: 0 }]
        : []),
    ],
  };
}

export function stepHref(dossierId: string, stepId: string) {
  if (stepId === ATTACHMENTS_STEP.id) return `/dossiers/${dossierId}/pieces`;
  if (stepId === REVIEW_STEP.id) return `/dossiers/${dossierId}/depot`;
  return `/dossiers/${dossierId}/etapes/${stepId}`;
}

export default function DossierFrame() {
  const { dossier, steps, profile } = useLoaderData<typeof loader>();
  return (
    <div className="dossier">
      <p className="breadcrumb">
        <Link to="/espace">Mon espace</Link> › <Link to={`/dossiers/${dossier.id}`}>Dossier</Link>
      </p>
      <header className="dossier__header">
        <p className="dossier__scheme">
          {dossier.scheme} · {dossier.organisation}
        </p>
        <h1>{dossier.title}</h1>
        <p className="dossier__meta">
          <StatusBadge status={dossier.status} />{" "}
          {dossier.number ? <span className="dossier__number">N° {dossier.number}</span> : null}
          {dossier.filedAt ? <span> · déposé le {dossier.filedAt}</span> : null}
          <span> · règlement du dispositif, version {dossier.ruleSetVersion}</span>
        </p>
      </header>
      {dossier.purged ? (
        <p className="notice notice--info" role="note">
          {dossier.purged}
        </p>
      ) : null}
      {!dossier.editable && (dossier.status === "GRANTED" || dossier.status === "SETTLED") ? (
        <p className="notice notice--info" role="note">
          L’aide est accordée : les réponses du dossier ne peuvent plus être modifiées. La convention, les
          versements et les comptes rendus financiers se suivent depuis la page du dossier.
        </p>
      ) : !dossier.editable ? (
        <p className="notice notice--info" role="note">
          Ce dossier est en cours d’instruction ou a reçu une décision : il ne peut plus être modifié. Pour
          transmettre une information ou un document, écrivez à l’instructrice ou à l’instructeur depuis la
          page du dossier.
        </p>
      ) : null}
      {dossier.editable ? (
        <details className="profile-summary">
          <summary>Informations de l’organisation reprises dans le dossier</summary>
          <dl className="details">
            {profile.map((item) => (
              <div key={item.label}>
                <dt>{item.label}</dt>
                <dd>{item.value}</dd>
              </div>
            ))}
          </dl>
          <p>
            <Link to={`/organisations/${dossier.organisationId}`}>
              Voir ou modifier le profil de l’organisation
            </Link>
          </p>
        </details>
      ) : null}
      {dossier.editable ? (
        <nav aria-label="Étapes du dossier" className="stepper">
          <ol>
            {steps.map((step, index) => (
              <li key={step.id}>
                <NavLink
                  to={stepHref(dossier.id, step.id)}
                  className={({ isActive }) =>
                    isActive ? "stepper__link stepper__link--current" : "stepper__link"
                  }
                  end
                >
                  {() => (
                    <>
                      <span className="stepper__number" aria-hidden="true">
                        {index + 1}
                      </span>
                      <span>
                        {step.title}
                        {step.toFix > 0 ? (
                          <span className="stepper__todo">
                            {" "}
                            — {step.toFix} {step.toFix > 1 ? "éléments" : "élément"} à compléter
                          </span>
                        ) : null}
                      </span>
                    </>
                  )}
                </NavLink>
              </li>
            ))}
          </ol>
        </nav>
      ) : null}
      <Outlet />
    </div>
  );
}
