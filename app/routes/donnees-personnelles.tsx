import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { db } from "~/db.server";
import { retentionPolicyText } from "~/domain/retention";
import { getRetentionSettings } from "~/services/admin/retention.server";

export const meta: MetaFunction = () => [{ title: "Données personnelles — Portail ESS Centre-Val de Loire" }];

/** Public: the retention period is read from the settings the purge job applies (/admin/conservation). */
export async function loader() {
  const settings = await getRetentionSettings(db);
  return { retention: retentionPolicyText(settings) };
}

export default function PersonalData() {
  const { retention } = useLoaderData<typeof loader>();
  return (
    <div className="narrow">
      <h1>Données personnelles</h1>
      <h2>Responsable du traitement</h2>
      <p>La Région Centre-Val de Loire, représentée par le Président du Conseil régional.</p>
      <h2>Finalités et base légale</h2>
      <p>
        Les données servent à instruire les demandes de financement, à verser les aides et à en suivre
        l’usage, et à coordonner les cofinancements. Le traitement relève de l’exécution d’une mission
        d’intérêt public (article 6-1-e du RGPD).
      </p>
      <h2>Données traitées</h2>
      <p>
        Identité et coordonnées des personnes qui utilisent le portail ; informations sur les organisations
        (SIRET, adresse, représentant légal, coordonnées bancaires) ; contenu des dossiers et pièces jointes ;
        journal des actions (connexions, décisions), pour la sécurité et la traçabilité.
      </p>
      <h2>Destinataires</h2>
      <p>
        Les agents de la Région chargés de l’instruction, et les élus de la Commission permanente pour la
        décision. Les financeurs partenaires (État, Banque des Territoires, ADEME, Bpifrance, France Active,
        fondations…) ne voient un dossier que si son porteur a choisi de le partager avec eux, et jamais les
        notes internes des instructeurs ni les coordonnées bancaires.
      </p>
      <h2>Durées de conservation</h2>
      <p>{retention}</p>
      <p>
        Votre compte reste ouvert tant que vous ne demandez pas sa suppression au délégué à la protection des
        données (voir ci-dessous).
      </p>
      <h2>Vos droits</h2>
      <p>
        Vous pouvez accéder à vos données, les rectifier, en demander la limitation, et exporter vos données
        depuis votre compte. Écrivez au délégué à la protection des données :{" "}
        <a href="mailto:dpo@centrevaldeloire.fr">dpo@centrevaldeloire.fr</a>. Si vous estimez que vos droits
        ne sont pas respectés, vous pouvez adresser une réclamation à la CNIL (
        <a href="https://www.cnil.fr/">cnil.fr</a>).
      </p>
      <h2>Cookies</h2>
      <p>
        Le portail n’utilise qu’un cookie de session, indispensable à la connexion. Aucun cookie de mesure
        d’audience ni de publicité.
      </p>
    </div>
  );
}
