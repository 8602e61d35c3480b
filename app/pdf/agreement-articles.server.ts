// The articles of an agreement, worded per scheme. Kept apart from the drawing so the legal text can be
// read (and reviewed by the legal department) in one place.
import { formatDateInWords } from "~/domain/format";
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
  const instalments = data.schedule.instalments;
  const last = instalments[instalments.length - 1];
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
      title: "Durée",
      paragraphs: [
        equity
          ? `La convention prend effet à sa signature par les deux parties et court jusqu’au complet ` +
            `remboursement de l’apport${last ? `, au plus tard le ${formatDateInWords(last.dueDate)}` : ""}.`
          : data.agreementMonths
            ? `La convention est conclue pour une durée de ${data.agreementMonths} mois${years(data.agreementMonths)} ` +
              "à compter de sa signature par les deux parties."
            : "La convention prend effet à sa signature par les deux parties et prend fin au versement du solde " +
              "de la subvention, après remise du bilan prévu à l’article «\u00a0Obligations du bénéficiaire\u00a0».",
      ],
    },
    equity
      ? {
          title: "Versement et remboursement",
          paragraphs: [
            "L’apport est versé en une fois après la signature de la convention. Le bénéficiaire le rembourse à " +
              "la Région selon l’échéancier ci-dessous, par virement, sans intérêt ni frais.",
            "Le bénéficiaire peut rembourser tout ou partie de l’apport par anticipation. Il informe la Région " +
              "dans un délai d’un mois de chaque versement des fonds européens attendus.",
          ],
          insert: "schedule",
        }
      : {
          title: "Modalités de versement",
          paragraphs: [
            instalments.length > 1
              ? "La subvention est versée selon l’échéancier ci-dessous, chaque versement annuel après réception " +
                "du bilan de l’année précédente."
              : "La subvention est versée en une fois, à la signature de la convention, selon l’échéancier ci-dessous.",
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
          ? "Il transmet chaque année un bilan d’activité du projet et de l’emploi aidé (contrats, postes pourvus) " +
            "ainsi que ses comptes annuels approuvés."
          : equity
            ? "Il transmet à la Région la décision d’attribution des fonds européens et l’état de leurs versements, " +
              "ainsi que ses comptes annuels approuvés pendant la durée de la convention."
            : "Il transmet dans les six mois suivant la fin du projet un bilan qualitatif et un compte rendu " +
              "financier de l’emploi de la subvention.",
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
