import type { MetaFunction } from "@remix-run/node";

export const meta: MetaFunction = () => [
  { title: "Déclaration d’accessibilité — Portail ESS Centre-Val de Loire" },
];

/**
 * The accessibility statement, laid out as the official template asks (RGAA 4.1, décret 2019-768). It says
 * only what was checked: without a full audit the rule is « non conforme », whatever the automatic checks.
 */
export default function Accessibility() {
  return (
    <div className="narrow">
      <h1>Déclaration d’accessibilité</h1>
      <p>
        La Région Centre-Val de Loire s’engage à rendre ses sites internet, intranet, extranet et ses
        progiciels accessibles, conformément à l’article 47 de la loi n°&nbsp;2005-102 du 11&nbsp;février
        2005.
      </p>
      <p>Cette déclaration d’accessibilité s’applique au Portail ESS Centre-Val de Loire.</p>

      <h2>État de conformité</h2>
      <p>
        Le Portail ESS Centre-Val de Loire est <strong>non conforme</strong> avec le référentiel général
        d’amélioration de l’accessibilité (RGAA), version&nbsp;4.1&nbsp;: il n’a pas encore fait l’objet d’un
        audit de conformité, et seul un audit permet d’annoncer un taux de conformité.
      </p>

      <h2>Résultats des tests</h2>
      <p>
        Aucun audit RGAA n’a encore été réalisé. À chaque évolution du portail, des vérifications automatiques
        sont faites sur toutes les pages parcourues par les tests de bout en bout (les cinq profils&nbsp;:
        visiteur, porteur de projet, instructeur, financeur, administrateur)&nbsp;:
      </p>
      <ul>
        <li>aucune erreur relevée par axe-core sur les règles WCAG&nbsp;2.1 niveaux A et AA&nbsp;;</li>
        <li>
          aucune erreur de code HTML relevée par le Nu Html Checker du W3C, sur la page telle que le serveur
          l’envoie et telle que le navigateur l’affiche&nbsp;;
        </li>
        <li>aucun défilement horizontal à 390 et à 1&nbsp;280 pixels de large.</li>
      </ul>
      <p>
        Ces outils ne détectent qu’une partie des défauts possibles&nbsp;: ils ne remplacent pas un audit.
      </p>

      <h2>Contenus non accessibles</h2>
      <h3>Non-conformités connues</h3>
      <ul>
        <li>
          Les documents PDF établis par le portail (récépissé, dossier complet, décision, convention,
          échéancier, comptes rendus…) ne sont pas balisés&nbsp;: un lecteur d’écran peut en lire le texte
          dans le désordre (critère 13.3). Sur demande, le service instructeur vous les transmet dans un
          format accessible.
        </li>
        <li>
          Les courriels envoyés par le portail ne sont pas encore mis en page pour tous les logiciels de
          messagerie.
        </li>
      </ul>
      <h3>Dérogations pour charge disproportionnée</h3>
      <p>Aucune.</p>
      <h3>Contenus non soumis à l’obligation d’accessibilité</h3>
      <p>Aucun.</p>

      <h2>Établissement de cette déclaration d’accessibilité</h2>
      <p>Cette déclaration a été établie le 7&nbsp;décembre 2026.</p>
      <h3>Technologies utilisées pour la réalisation du portail</h3>
      <ul>
        <li>HTML5</li>
        <li>CSS</li>
        <li>JavaScript (facultatif&nbsp;: chaque formulaire fonctionne sans)</li>
      </ul>
      <h3>Environnement de test</h3>
      <p>Chromium (Debian) en 390 et 1&nbsp;280 pixels de large, avec et sans JavaScript.</p>
      <h3>Outils pour évaluer l’accessibilité</h3>
      <ul>
        <li>axe-core&nbsp;4.13</li>
        <li>Nu Html Checker (vnu) 26.9</li>
      </ul>
      <h3>Pages du site ayant fait l’objet de la vérification</h3>
      <ul>
        <li>Accueil, dispositifs, éligibilité, indicateurs, connexion et création de compte</li>
        <li>Espace du porteur de projet&nbsp;: dossiers, étapes du dépôt, pièces, organisation, compte</li>
        <li>Instruction&nbsp;: file des dossiers, dossier, Commission permanente</li>
        <li>Financeurs&nbsp;: dossiers partagés, indicateurs, revues de projets</li>
        <li>Administration&nbsp;: dispositifs, appels, comptes, journal, conservation</li>
      </ul>

      <h2>Retour d’information et contact</h2>
      <p>
        Si vous n’arrivez pas à accéder à un contenu ou à un service, écrivez à{" "}
        <a href="mailto:accessibilite@centrevaldeloire.fr">accessibilite@centrevaldeloire.fr</a>&nbsp;: nous
        vous proposerons une alternative accessible, ou vous transmettrons le contenu sous une autre forme.
      </p>

      <h2>Voies de recours</h2>
      <p>
        Si vous avez signalé un défaut d’accessibilité vous empêchant d’accéder à un contenu ou à un service
        du portail et n’avez pas obtenu de réponse satisfaisante, vous pouvez saisir le Défenseur des
        droits&nbsp;:
      </p>
      <ul>
        <li>
          par le formulaire en ligne sur{" "}
          <a href="https://formulaire.defenseurdesdroits.fr/">formulaire.defenseurdesdroits.fr</a>&nbsp;;
        </li>
        <li>auprès d’un de ses délégués dans votre département&nbsp;;</li>
        <li>
          par courrier gratuit, sans timbre&nbsp;: Défenseur des droits, Libre réponse 71120, 75342 Paris
          CEDEX&nbsp;07.
        </li>
      </ul>

      <h2>Plan d’actions</h2>
      <p>Pour l’année 2027, la Région prévoit&nbsp;:</p>
      <ul>
        <li>
          un audit de conformité au RGAA&nbsp;4.1 par un organisme indépendant, puis la publication de ses
          résultats ici&nbsp;;
        </li>
        <li>le balisage des documents PDF et leur archivage au format PDF/A&nbsp;;</li>
        <li>
          des vérifications manuelles des parcours principaux au clavier, en zoom à 200&nbsp;% et avec un
          lecteur d’écran.
        </li>
      </ul>
    </div>
  );
}
