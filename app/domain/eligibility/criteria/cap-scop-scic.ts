// CAP SCOP-SCIC: the Region adds to the capital employees bring when they become associates of a SCOP or
// SCIC (creation, takeover, conversion), up to a ceiling per person and one per cooperative.
import { formatEuros } from "~/domain/format";
import type { RuleSetParametersByScheme } from "~/domain/schemes";

import { OPERATION_CODES } from "../codes";
import type { Situation } from "../situation";
import {
  cents,
  decided,
  legalForm,
  list,
  territory,
  unknown,
  type Evaluated,
  type SchemeEvaluation,
} from "./shared";

/** Associates detailed one by one in the explanation; a large SCOP's list is summed up beyond. */
const DETAILED_ASSOCIATES = 12;

/** What each contribution brings, the ceilings applied and the total, in cents. */
function subsidyOf(contributionsCents: number[], p: RuleSetParametersByScheme["CAP_SCOP_SCIC"]) {
  const shares = contributionsCents.map((contribution) => {
    const doubled = Math.floor((contribution * p.subsidyRateOfContributionPercent) / 100);
    const subsidy = Math.min(doubled, p.maxSubsidyPerEmployeeAssociateCents);
    return { contribution, subsidy, capped: subsidy < doubled };
  });
  const sum = shares.reduce((total, share) => total + share.subsidy, 0);
  const total = Math.min(sum, p.maxSubsidyPerCooperativeCents);
  return { shares, sum, total, cooperativeCapped: total < sum };
}

/** « Salarié·e 1 : apport de 6 000,00 €, aide de 5 000,00 € (plafond par personne) ; … ». */
function subsidyExplanation(
  contributionsCents: number[],
  p: RuleSetParametersByScheme["CAP_SCOP_SCIC"],
): string {
  const { shares, sum, total, cooperativeCapped } = subsidyOf(contributionsCents, p);
  const lines = shares
    .slice(0, DETAILED_ASSOCIATES)
    .map(
      (share, index) =>
        `salarié·e ${index + 1} : apport de ${formatEuros(share.contribution)}, aide de ${formatEuros(share.subsidy)}` +
        (share.capped
          ? ` (plafond de ${formatEuros(p.maxSubsidyPerEmployeeAssociateCents)} par personne)`
          : ""),
    );
  if (shares.length > DETAILED_ASSOCIATES) {
    lines.push(`et ${shares.length - DETAILED_ASSOCIATES} autres salarié·es associé·es`);
  }
  const rate =
    p.subsidyRateOfContributionPercent === 100
      ? "L’aide double l’apport de chacun·e"
      : `L’aide vaut ${p.subsidyRateOfContributionPercent} % de l’apport de chacun·e`;
  const totalText = cooperativeCapped
    ? `total de ${formatEuros(sum)} ramené au plafond de ${formatEuros(p.maxSubsidyPerCooperativeCents)} par coopérative`
    : `total de ${formatEuros(total)} (plafond de ${formatEuros(p.maxSubsidyPerCooperativeCents)} par coopérative)`;
  return `${rate}, dans la limite de ${formatEuros(p.maxSubsidyPerEmployeeAssociateCents)} par personne : ${lines.join(" ; ")} ; ${totalText}.`;
}

export function capScopScicCriteria(
  situation: Situation,
  p: RuleSetParametersByScheme["CAP_SCOP_SCIC"],
): SchemeEvaluation {
  const project = situation.project ?? {};
  const operationCodes = p.operationTypes.map((operation) => operation.code);
  const operation = project.cooperativeOperation;
  const associates = project.employeeAssociates;
  const contributors = associates?.filter((associate) => (associate.contributionEur ?? 0) > 0) ?? [];
  const unknownContributions =
    associates?.some((associate) => associate.contributionEur === undefined) ?? false;
  const operationLabels = p.operationTypes.map((option) => option.label.toLowerCase());
  const contributionsCents = contributors.map((associate) => cents(associate.contributionEur!));
  const associatesLabel = "Salarié·es associé·es apportant du capital";
  const countText =
    contributors.length === 1
      ? "1 salarié·e associé·e apporte du capital."
      : `${contributors.length} salarié·es associé·es apportent du capital.`;
  const criteria: Evaluated[] = [
    territory(situation, p.eligibleDepartmentCodes),
    legalForm(situation, p.eligibleLegalForms),
    operation === undefined
      ? unknown(
          "operation",
          "Type d’opération",
          ["project.cooperativeOperation"],
          `L’opération doit être : ${list(operationLabels)}.`,
        )
      : operationCodes.includes(OPERATION_CODES[operation])
        ? decided(
            "operation",
            "Type d’opération",
            true,
            `Opération retenue : ${p.operationTypes.find((option) => option.code === OPERATION_CODES[operation])!.label.toLowerCase()}.`,
          )
        : decided(
            "operation",
            "Type d’opération",
            false,
            `L’opération doit être : ${list(operationLabels)}.`,
          ),
    associates === undefined || (contributors.length === 0 && unknownContributions)
      ? unknown(
          "salaries-associes",
          associatesLabel,
          ["project.employeeAssociates"],
          "Au moins un·e salarié·e doit devenir associé·e en apportant du capital.",
        )
      : contributors.length > 0
        ? decided(
            "salaries-associes",
            associatesLabel,
            true,
            unknownContributions
              ? `${countText} Indiquez l’apport de chacun·e pour connaître l’aide.`
              : `${countText} ${subsidyExplanation(contributionsCents, p)}`,
          )
        : decided(
            "salaries-associes",
            associatesLabel,
            false,
            "Au moins un·e salarié·e doit devenir associé·e en apportant du capital.",
          ),
  ];
  const maxCents =
    associates === undefined || unknownContributions || contributors.length === 0
      ? null
      : subsidyOf(contributionsCents, p).total;
  // The amount follows from the contributions: nothing else is asked.
  return { criteria, maxCents, asked: null };
}
