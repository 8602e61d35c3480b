import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";

export const meta: MetaFunction = () => [{ title: "Accueil — Portail ESS Centre-Val de Loire" }];

const SCHEMES = [
  {
    name: "CAP ASSO",
    text: "Pour les associations qui créent ou consolident un emploi en CDI autour d’un projet d’activité : une convention de trois ans.",
  },
  {
    name: "A VOS ID",
    text: "Pour les associations, coopératives et collectivités qui lancent une initiative d’innovation sociale, écologique ou territoriale.",
  },
  {
    name: "CAP SCOP-SCIC",
    text: "Pour les salarié·es qui deviennent associé·es d’une SCOP ou d’une SCIC : la Région double leur apport en capital.",
  },
  {
    name: "Apport en fonds propres avec droit de reprise",
    text: "Pour les associations qui portent un projet cofinancé par l’Union européenne : une avance sans intérêt en attendant les fonds européens.",
  },
];

export default function Index() {
  return (
    <>
      <h1>Financer un projet de l’économie sociale et solidaire en Centre-Val de Loire</h1>
      <p className="lead">
        Associations, coopératives, entreprises de l’ESS et collectivités : vérifiez à quels dispositifs de la
        Région vous pouvez prétendre, déposez un dossier complet et suivez-le jusqu’à la décision.
      </p>
      <p>
        <Link to="/eligibilite" className="button">
          Vérifier mon éligibilité
        </Link>{" "}
        <Link to="/dispositifs" className="button button--secondary">
          Découvrir les dispositifs
        </Link>{" "}
        <Link to="/inscription" className="button button--secondary">
          Créer un compte
        </Link>
      </p>

      <h2>Les quatre dispositifs de la Région</h2>
      <ul className="cards">
        {SCHEMES.map((scheme) => (
          <li key={scheme.name} className="card">
            <h3>{scheme.name}</h3>
            <p>{scheme.text}</p>
          </li>
        ))}
      </ul>
      <p>
        Aucun dispositif ne correspond à votre projet ? Le portail vous oriente vers le bon interlocuteur :
        autre dispositif régional, France Active ou un autre partenaire.
      </p>

      <h2>Un portail pour trois publics</h2>
      <ul className="cards">
        <li className="card">
          <h3>Porteurs de projet</h3>
          <p>
            Préparez votre dossier à plusieurs, sur plusieurs soirées : il est enregistré au fur et à mesure.
          </p>
        </li>
        <li className="card">
          <h3>Instructeurs de la Région</h3>
          <p>
            Une file de dossiers, une vue claire de chacun et un circuit explicite jusqu’à la Commission
            permanente.
          </p>
        </li>
        <li className="card">
          <h3>Financeurs</h3>
          <p>
            État, Banque des Territoires, ADEME, Bpifrance, fondations : un suivi partagé des projets, avec
            l’accord de leurs porteurs.
          </p>
        </li>
      </ul>
    </>
  );
}
