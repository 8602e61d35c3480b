import { describe, expect, it } from "vitest";

import type { RuleSetsInForce } from "~/domain/eligibility/evaluate";
import { defaultRuleSetParameters } from "~/domain/schemes";
import { PREVIEW_SAMPLES, previewRuleSet } from "~/domain/schemes/rule-set-preview";
import { SchemeCode } from "~/generated/prisma/enums";

const inForce = Object.fromEntries(
  Object.values(SchemeCode).map((code) => [code, { version: 1, parameters: defaultRuleSetParameters(code) }]),
) as RuleSetsInForce;

describe("the preview of a draft rule set", () => {
  it("shows the CAP ASSO association asking 25 000 € a year becoming eligible under a 30 000 € ceiling", () => {
    const draft = { ...defaultRuleSetParameters("CAP_ASSO"), maxAnnualAmountCents: 3_000_000 };
    const rows = previewRuleSet("CAP_ASSO", inForce, { version: 2, parameters: draft });
    const [asking25k, typical] = rows;
    expect(asking25k!.label).toBe("Association du Loiret (45), 1,5 ETP en CDI, 25\u202f000\u00a0€ par an");
    expect(asking25k).toMatchObject({
      inForce: { eligible: false, maxAmountEur: 20_000 },
      draft: { eligible: true, maxAmountEur: 30_000 },
      verdictChanged: true,
      amountChanged: true,
    });
    expect(asking25k!.inForce.reason).toContain("dépasse le maximum");
    expect(asking25k!.draft.reason).toBeNull();
    // Already eligible: only the most it can receive changes.
    expect(typical).toMatchObject({
      inForce: { eligible: true, maxAmountEur: 20_000 },
      draft: { eligible: true, maxAmountEur: 30_000 },
      verdictChanged: false,
      amountChanged: true,
    });
  });

  it.each(Object.values(SchemeCode))("%s: a copy of the version in force changes nothing", (code) => {
    const rows = previewRuleSet(code, inForce, { version: 2, parameters: defaultRuleSetParameters(code) });
    expect(rows).toHaveLength(PREVIEW_SAMPLES[code].length);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows.some((row) => row.inForce.eligible === true)).toBe(true);
    expect(rows.some((row) => row.inForce.eligible === false)).toBe(true);
    expect(rows.every((row) => !row.verdictChanged && !row.amountChanged)).toBe(true);
  });

  it("shows an A VOS ID project losing its eligibility when the rate falls to 30 %", () => {
    const draft = { ...defaultRuleSetParameters("A_VOS_ID"), maxSubsidyRatePercent: 30 };
    const rows = previewRuleSet("A_VOS_ID", inForce, { version: 2, parameters: draft });
    const [first] = rows;
    expect(first).toMatchObject({
      inForce: { eligible: true, maxAmountEur: 30_000 },
      draft: { eligible: false, maxAmountEur: 18_000 },
      verdictChanged: true,
    });
    expect(first!.draft.reason).toContain("30\u00a0%".replace("\u00a0", " "));
  });

  it("caps the CAP SCOP-SCIC takeover by the cooperative ceiling of each version", () => {
    const draft = { ...defaultRuleSetParameters("CAP_SCOP_SCIC"), maxSubsidyPerCooperativeCents: 15_000_000 };
    const takeover = previewRuleSet("CAP_SCOP_SCIC", inForce, { version: 2, parameters: draft })[1]!;
    expect(takeover.inForce.maxAmountEur).toBe(100_000);
    expect(takeover.draft.maxAmountEur).toBe(125_000);
  });
});
