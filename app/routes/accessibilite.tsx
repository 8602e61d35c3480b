import type { MetaFunction } from "@remix-run/node";

export const meta: MetaFunction = () => [
  { title: "Déclaration d’accessibilité — Portail ESS Centre-Val de Loire" },
];

export default function Accessibility() {
  return (
    <div className="narrow">
      <h1>Déclaration d’accessibilité</h1>
      <p>
        La Région Centre-Val de Loire s’engage à rendre ses services numériques accessibles, conformément à
        l’article 47 de la loi n° 2005-102 du 11 février 2005. Cette déclaration s’applique au Portail ESS
        Centre-Val de Loire.
      </p>
      <h2>État de conformité</h2>
      <p>
        Le portail est <strong>partiellement conforme</strong> avec le référentiel général d’amélioration de
        l’accessibilité (RGAA), version 4.1 : il n’a pas encore fait l’objet d’un audit. Chaque page est
        vérifiée automatiquement (outil axe) à chaque évolution, et les formulaires sont conçus pour
        fonctionner au clavier, avec un lecteur d’écran et sans JavaScript.
      </p>
      <h2>Retour d’information et contact</h2>
      <p>
        Si vous n’arrivez pas à accéder à un contenu ou à un service, écrivez à{" "}
        <a href="mailto:accessibilite@centrevaldeloire.fr">accessibilite@centrevaldeloire.fr</a> : nous vous
        proposerons une alternative accessible.
      </p>
      <h2>Voies de recours</h2>
      <p>
        Si vous avez signalé un défaut d’accessibilité sans obtenir de réponse satisfaisante, vous pouvez
        saisir le Défenseur des droits : par le formulaire en ligne sur{" "}
        <a href="https://formulaire.defenseurdesdroits.fr/">formulaire.defenseurdesdroits.fr</a>, auprès d’un
        de ses délégués dans votre département, ou par courrier gratuit, sans timbre : Défenseur des droits,
        Libre réponse 71120, 75342 Paris CEDEX 07.
      </p>
    </div>
  );
}
