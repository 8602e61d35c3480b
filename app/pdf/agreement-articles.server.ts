// The articles of an agreement, worded per scheme. Kept apart from the drawing so the legal text can be
// read (and reviewed by the legal department) in one place.
import { AGREEMENT_EFFECT, paymentTermsParagraphs } from "~/domain/post-grant/agreement";
import type { AgreementData } from "~/pdf/agreement.server";

export interface AgreementArticle {
  title: string;
  paragraphs: string[];
  /** A table or list drawn after the paragraphs. */
  insert?: "amount" | "schedule";
}

const OBJECT: Record<AgreementData["schemeCode"], string> = {
  CAP_ASSO:
    "le projet d’activité du bénéficiaire, qui crée ou consolide un ou plusieurs emplois en contrat à durée indéterminée",
  A_VOS_ID:
    "l’initiative d’innovation sociale, écologique et territoriale portée par le bénéficiaire sur son territoire",
  CAP_SCOP_SCIC:
    "l’entrée au capital de la coopérative de ses salariés associés, la Région doublant leurs apports en capital",
  EQUITY_ADVANCE:
    "le préfinancement des dépenses d’un projet cofinancé par l’Union européenne, dans l’attente du versement des fonds européens",
};

const years = (months: number) =>
  months % 12 === 0 ? ` (${months / 12} an${months / 12 > 1 ? "s" : ""})` : "";

export function agreementArticles(data: AgreementData): AgreementArticle[] {
  const equity = data.schemeCode === "EQUITY_ADVANCE";
  const project = `«\u00a0${data.dossier.title}\u00a0»`;
  const articles: AgreementArticle[] = [
    {
      title: "Objet",
      paragraphs: [
        `La présente convention définit les conditions dans lesquelles la Région soutient, au titre du ` +
          `dispositif ${data.dossier.schemeName}, le projet ${project}, soit ${OBJECT[data.schemeCode]}.`,
      ],
    },
    equity
      ? {
          title: "Montant et nature de l’apport",
          paragraphs: [
            "La Région accorde au bénéficiaire un apport en fonds propres avec droit de reprise, sans intérêt, " +
              "d’un montant indiqué ci-dessous.",
            "Cet apport est inscrit dans les fonds propres du bénéficiaire. La Région dispose d’un droit de " +
              "reprise qu’elle exerce selon l’échéancier de remboursement de la présente convention.",
          ],
          insert: "amount",
        }
      : {
          title: "Montant de la subvention",
          paragraphs: [
            data.yearlyAmountsCents.length > 1
              ? `La Région attribue au bénéficiaire une subvention d’un montant total indiqué ci-dessous, répartie ` +
                `sur ${data.yearlyAmountsCents.length} années de convention.`
              : "La Région attribue au bénéficiaire une subvention d’un montant indiqué ci-dessous.",
            "Ce montant est un maximum\u00a0: il ne peut être revu à la hausse.",
          ],
          insert: "amount",
        },
    {
      title: "Prise d’effet et durée",
      paragraphs: [
        AGREEMENT_EFFECT,
        equity
          ? "Elle court jusqu’au complet remboursement de l’apport" +
            (data.agreementMonths
              ? `, au plus tard ${data.agreementMonths}\u00a0mois après son versement.`
              : ".")
          : data.agreementMonths
            ? `Elle est conclue pour une durée de ${data.agreementMonths}\u00a0mois${years(data.agreementMonths)} ` +
              "à compter de cette date."
            : "Elle prend fin au versement du solde de la subvention, après remise du compte rendu financier " +
              "prévu à l’article «\u00a0Obligations du bénéficiaire\u00a0».",
      ],
    },
    {
      title: equity ? "Versement et remboursement" : "Modalités de versement",
      paragraphs: [
        ...paymentTermsParagraphs(data.terms),
        ...(equity
          ? []
          : [
              "Les montants ci-dessous sont prévus\u00a0: chacun est versé une fois sa condition remplie, à la " +
                "demande du bénéficiaire sur le portail, accompagnée des justificatifs demandés.",
            ]),
      ],
      insert: "schedule",
    },
  ];
  if (data.iban) {
    articles.push({
      title: "Coordonnées bancaires",
      paragraphs: [
        `Les versements sont faits sur le compte du bénéficiaire\u00a0: IBAN ${formatIban(data.iban)}.`,
        "Tout changement de compte est notifié à la Région avec un relevé d’identité bancaire au nom du bénéficiaire.",
      ],
    });
  }
  articles.push(
    {
      title: "Obligations du bénéficiaire",
      paragraphs: [
        "Le bénéficiaire mentionne le soutien de la Région Centre-Val de Loire sur tous ses supports de " +
          "communication relatifs au projet (publications, site internet, réseaux sociaux, événements) et y " +
          "appose le logo de la Région.",
        data.schemeCode === "CAP_ASSO"
          ? "Il transmet chaque année, dans le délai prévu à l’article «\u00a0Modalités de versement\u00a0», un " +
            "compte rendu financier, un bilan d’activité du projet et de l’emploi aidé (contrats, postes " +
            "pourvus) ainsi que ses comptes annuels approuvés."
          : equity
            ? "Il transmet à la Région la décision d’attribution des fonds européens et l’état de leurs versements, " +
              "ainsi que ses comptes annuels approuvés pendant la durée de la convention."
            : data.schemeCode === "CAP_SCOP_SCIC"
              ? "Il transmet l’attestation du capital souscrit et libéré par chaque salarié associé prévue à " +
                "l’article «\u00a0Modalités de versement\u00a0»."
              : "Il transmet, dans le délai prévu à l’article «\u00a0Modalités de versement\u00a0», un bilan " +
                "qualitatif et un compte rendu financier de l’emploi de la subvention.",
        "Il accepte tout contrôle par la Région, sur pièces ou sur place, de l’emploi des fonds.",
      ],
    },
    {
      title: "Résiliation",
      paragraphs: [
        "En cas de non-respect de ses obligations par le bénéficiaire, la Région peut résilier la convention par " +
          "lettre recommandée avec accusé de réception, après une mise en demeure restée sans effet pendant un " +
          (equity
            ? "mois. L’apport restant dû devient alors immédiatement exigible."
            : "mois, et exiger le reversement de tout ou partie des sommes versées."),
      ],
    },
    {
      title: "Litiges",
      paragraphs: [
        "Les parties s’efforcent de régler à l’amiable tout différend relatif à la présente convention. À défaut, " +
          "le litige est porté devant le tribunal administratif d’Orléans.",
      ],
    },
  );
  return articles;
}

/** « FR76 3000 6000 0112 3456 7890 189 », as a bank statement prints it. */
function formatIban(iban: string): string {
  return iban
    .replace(/\s+/g, "")
    .toUpperCase()
    .replace(/(.{4})(?=.)/g, "$1\u00a0");
}
