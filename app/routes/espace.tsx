import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";

import { StatusBadge } from "~/components/status-badge";
import { db } from "~/db.server";
import { applicantNextStep } from "~/domain/applicant-next-step";
import { formatDate, formatEuros } from "~/domain/format";
import { LEGAL_FORM_LABELS } from "~/domain/legal-forms";
import { applicantHome } from "~/services/applicant/home.server";
import { requireRole } from "~/session.server";

export const meta: MetaFunction = () => [{ title: "Mon espace — Portail ESS Centre-Val de Loire" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "APPLICANT");
  const { memberships, dossiers } = await applicantHome(db, user.id);
  return {
    firstName: user.firstName,
    organisations: memberships.map((membership) => ({
      id: membership.organisation.id,
      name: membership.organisation.name,
      legalForm: LEGAL_FORM_LABELS[membership.organisation.legalForm],
      owner: membership.role === "OWNER",
    })),
    dossiers: dossiers.map((dossier) => ({
      id: dossier.id,
      next: applicantNextStep(
        { ...dossier, correctionReplyBy: dossier.correctionRequests[0]?.replyBy },
        {
          holderAccepted: dossier.acceptances.some((acceptance) => acceptance.side === "HOLDER"),
          regionAccepted: dossier.acceptances.some((acceptance) => acceptance.side === "REGION"),
          nextReport: dossier.reports[0]
            ? { ...dossier.reports[0], correction: dossier.reports[0].status === "CORRECTION_REQUESTED" }
            : null,
        },
      ),
      number: dossier.number ?? "—",
      title: dossier.title,
      status: dossier.status,
      scheme: dossier.scheme.name,
      organisation: dossier.organisation.name,
      amount: dossier.requestedAmountCents === null ? "—" : formatEuros(dossier.requestedAmountCents),
      updatedAt: formatDate(dossier.updatedAt),
    })),
  };
}

export default function ApplicantHome() {
  const { firstName, organisations, dossiers } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <>
      <h1>Mon espace</h1>
      {params.get("bienvenue") ? (
        <p className="notice notice--success" role="status">
          Bienvenue {firstName} ! Votre compte est créé. Un e-mail vous a été envoyé pour confirmer votre
          adresse.
        </p>
      ) : null}

      <h2>Mes organisations</h2>
      {organisations.length === 0 ? (
        <p>
          Vous n’avez pas encore déclaré d’organisation. Commencez par là : ses informations serviront à
          remplir vos dossiers. Si votre organisation est déjà sur le portail, demandez à son responsable de
          vous inviter.
        </p>
      ) : (
        <ul>
          {organisations.map((organisation) => (
            <li key={organisation.id}>
              <Link to={`/organisations/${organisation.id}`}>{organisation.name}</Link> —{" "}
              {organisation.legalForm}
              {organisation.owner ? " (responsable)" : " (membre)"}
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/organisations/nouvelle" className="button button--secondary">
          Déclarer une organisation
        </Link>
      </p>

      <h2>Mes dossiers</h2>
      {organisations.length > 0 ? (
        <p>
          <Link to="/dossiers/nouveau" className="button">
            Préparer un nouveau dossier
          </Link>
        </p>
      ) : null}
      {dossiers.length === 0 ? (
        <p>
          Aucun dossier pour le moment. Consultez <Link to="/dispositifs">les dispositifs</Link> pour trouver
          celui qui correspond à votre projet.
        </p>
      ) : (
        <div className="table-scroll" role="region" aria-label="Mes dossiers" tabIndex={0}>
          <table>
            <caption className="visually-hidden">Dossiers de mes organisations</caption>
            <thead>
              <tr>
                <th scope="col">Numéro</th>
                <th scope="col">Projet</th>
                <th scope="col">Dispositif</th>
                <th scope="col">Organisation</th>
                <th scope="col">Étape</th>
                <th scope="col" className="number">
                  Montant demandé
                </th>
                <th scope="col">Mis à jour le</th>
                <th scope="col">À faire</th>
              </tr>
            </thead>
            <tbody>
              {dossiers.map((dossier) => (
                <tr key={dossier.id}>
                  <td className="dossier-number">{dossier.number}</td>
                  <td>
                    <Link to={`/dossiers/${dossier.id}`}>{dossier.title}</Link>
                  </td>
                  <td>{dossier.scheme}</td>
                  <td>{dossier.organisation}</td>
                  <td>
                    <StatusBadge status={dossier.status} />
                  </td>
                  <td className="number">{dossier.amount}</td>
                  <td>{dossier.updatedAt}</td>
                  <td>
                    {dossier.next.href ? (
                      <Link
                        to={dossier.next.href}
                        className={dossier.next.urgent ? "next-step next-step--urgent" : "next-step"}
                      >
                        {dossier.next.label}
                        <span className="visually-hidden"> : {dossier.title}</span>
                      </Link>
                    ) : (
                      dossier.next.label
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
