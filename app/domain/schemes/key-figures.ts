// The main figures of a scheme's rule set, in words, for the public pages.
import { formatEuros } from "~/domain/format";
import type { SchemeCode } from "~/generated/prisma/enums";

import type { RuleSetParametersByScheme } from "./index";

const years = (months: number) => (months % 12 === 0 ? `${months / 12} ans` : `${months} mois`);

export function schemeKeyFigures<C extends SchemeCode>(
  code: C,
  parameters: RuleSetParametersByScheme[C],
): string[] {
  switch (code) {
    case "CAP_ASSO": {
      const p = parameters as RuleSetParametersByScheme["CAP_ASSO"];
      return [
        `De ${formatEuros(p.minAnnualAmountCents)} à ${formatEuros(p.maxAnnualAmountCents)} par an et par projet`,
        `Convention de ${years(p.agreementLengthMonths)}`,
        p.permanentContractRequired
          ? "Au moins un emploi créé ou consolidé en CDI"
          : "Au moins un emploi créé ou consolidé",
      ];
    }
    case "A_VOS_ID": {
      const p = parameters as RuleSetParametersByScheme["A_VOS_ID"];
      return [
        `Subvention de ${formatEuros(p.minSubsidyCents)} à ${formatEuros(p.maxSubsidyCents)}`,
        `Au plus ${p.maxSubsidyRatePercent} % des dépenses éligibles`,
      ];
    }
    case "CAP_SCOP_SCIC": {
      const p = parameters as RuleSetParametersByScheme["CAP_SCOP_SCIC"];
      return [
        `La Région double l’apport en capital de chaque salarié·e associé·e, jusqu’à ${formatEuros(p.maxSubsidyPerEmployeeAssociateCents)} par personne`,
        `Au plus ${formatEuros(p.maxSubsidyPerCooperativeCents)} par coopérative`,
      ];
    }
    case "EQUITY_ADVANCE": {
      const p = parameters as RuleSetParametersByScheme["EQUITY_ADVANCE"];
      return [
        `Avance sans intérêt de ${formatEuros(p.minAmountCents)} à ${formatEuros(p.maxAmountCents)}, au plus ${p.maxShareOfEuGrantPercent} % de la subvention européenne`,
        `Durée maximale de ${p.maxDurationMonths} mois, premier remboursement après ${p.repaymentDeferralMonths} mois`,
      ];
    }
    default:
      return [];
  }
}
