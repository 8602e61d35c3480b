import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { db } from "~/db.server";
import { SCHEME_SLUGS } from "~/domain/schemes/slugs";
import { listSchemesInForce } from "~/services/schemes/schemes.server";

export const meta: MetaFunction = () => [{ title: "Les dispositifs — Portail ESS Centre-Val de Loire" }];

// Public page: the figures come from the rule set in force, so a new deliberation shows here at once.
export async function loader() {
  return { schemes: await listSchemesInForce(db) };
}

export default function Schemes() {
  const { schemes } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Les dispositifs de la Région</h1>
      <p className="lead">
        Tous exigent que le siège ou l’activité principale soit dans l’un des six départements de la région :
        Cher, Eure-et-Loir, Indre, Indre-et-Loire, Loir-et-Cher ou Loiret.
      </p>
      {schemes.map((scheme) => (
        <section key={scheme.code} className="card" aria-labelledby={`dispositif-${scheme.code}`}>
          <h2 id={`dispositif-${scheme.code}`}>{scheme.name}</h2>
          <p>{scheme.introduction ?? scheme.summary}</p>
          {scheme.figures.length > 0 ? (
            <ul>
              {scheme.figures.map((figure) => (
                <li key={figure}>{figure}</li>
              ))}
            </ul>
          ) : null}
          <p>
            <Link to={`/dispositifs/${SCHEME_SLUGS[scheme.code]}`}>Tout savoir sur {scheme.name}</Link>
          </p>
          {scheme.eligibility ? (
            <p>
              <strong>Conditions : </strong>
              {scheme.eligibility}
            </p>
          ) : null}
        </section>
      ))}
      <p>
        <Link to="/eligibilite" className="button">
          Vérifier mon éligibilité
        </Link>{" "}
        <Link to="/inscription">Créer un compte pour déposer un dossier</Link>
      </p>
    </>
  );
}
