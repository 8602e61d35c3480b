// The legal notice LCEN art. 6-III asks of a public site: who publishes it, who answers for what it says,
// who hosts it — each with an address and a telephone number, from the deployment's configuration.
import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { env } from "~/env.server";

export const meta: MetaFunction = () => [{ title: "Mentions légales — Portail ESS Centre-Val de Loire" }];

export function loader() {
  return env().legalNotice;
}

/** « 02 38 70 30 30 » dialled as +33 2 38 70 30 30. */
function telHref(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, "");
  return `tel:${digits.startsWith("0") ? `+33${digits.slice(1)}` : digits}`;
}

function Party({ party }: { party: { name: string; address: string; phone: string } }) {
  return (
    <address className="legal-party">
      {party.name}
      <br />
      {party.address}
      <br />
      Téléphone&nbsp;: <a href={telHref(party.phone)}>{party.phone}</a>
    </address>
  );
}

export default function LegalNotice() {
  const notice = useLoaderData<typeof loader>();
  return (
    <div className="narrow">
      <h1>Mentions légales</h1>
      <h2>Éditeur</h2>
      <Party party={notice.publisher} />
      <h2>Directeur de la publication</h2>
      <p>{notice.publicationDirector.charAt(0).toUpperCase() + notice.publicationDirector.slice(1)}.</p>
      <h2>Hébergement</h2>
      <Party party={notice.host} />
      <p>Les données du portail sont hébergées en France.</p>
      <h2>Logiciel libre</h2>
      <p>
        Le code source du portail est publié sous licence libre (EUPL 1.2)&nbsp;: il peut être réutilisé par
        d’autres collectivités.
      </p>
      <h2>Accessibilité</h2>
      <p>
        Voir la <Link to="/accessibilite">déclaration d’accessibilité</Link>.
      </p>
      <h2>Données personnelles</h2>
      <p>
        Voir la page <Link to="/donnees-personnelles">Données personnelles</Link>.
      </p>
    </div>
  );
}
