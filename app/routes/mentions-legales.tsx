import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";

export const meta: MetaFunction = () => [{ title: "Mentions légales — Portail ESS Centre-Val de Loire" }];

export default function LegalNotice() {
  return (
    <div className="narrow">
      <h1>Mentions légales</h1>
      <h2>Éditeur</h2>
      <p>
        Région Centre-Val de Loire
        <br />9 rue Saint-Pierre-Lentin, CS 94117, 45041 Orléans Cedex 1
        <br />
        Directeur de la publication : le Président du Conseil régional.
      </p>
      <h2>Hébergement</h2>
      <p>Le portail est hébergé par la Région Centre-Val de Loire, sur des serveurs situés en France.</p>
      <h2>Logiciel libre</h2>
      <p>
        Le code source du portail est publié sous licence libre (EUPL 1.2) : il peut être réutilisé par
        d’autres collectivités.
      </p>
      <h2>Données personnelles</h2>
      <p>
        Voir la page <Link to="/donnees-personnelles">Données personnelles</Link>.
      </p>
    </div>
  );
}
