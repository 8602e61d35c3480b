// The agreement's emails and wording: the other party is told who accepted, when and how, and whether the
// agreement is now in force; the declarations and the schedule's lines say what the portal enforces.
import { describe, expect, it } from "vitest";

import { agreementDeclaration, plannedPaymentLines } from "~/domain/post-grant/agreement";
import { paris } from "~/domain/paris-time";
import { postGrantPlan } from "~/domain/post-grant/plan";
import { DEFAULT_CAP_ASSO_PAYMENT_TERMS } from "~/domain/schemes/payment-terms";
import { agreementAccepted } from "~emails/agreement-accepted";
import { escapeHtml } from "~emails/layout";

import { htmlText } from "../support/email-text";

const url = "https://portail-ess.example/dossiers/abc/convention?source=email&x=1";
const base = {
  firstName: "Léa <b>",
  dossierNumber: "AVOSID-2026-00001",
  dossierTitle: `Fête "solidaire" <img src=x>`,
  signatory: "Camille Martin, présidente",
  acceptedAt: paris("2026-12-07T15:04"),
  method: "ONLINE" as const,
  url,
};

describe("agreementAccepted", () => {
  it("tells the instructor the association accepted, and that the Region's side remains", () => {
    const email = agreementAccepted({
      ...base,
      acceptedBy: "Les Cyclopostiers",
      complete: false,
      forHolder: false,
    });
    expect(email.subject).toBe("Dossier AVOSID-2026-00001 : convention acceptée par Les Cyclopostiers");
    expect(email.text).toContain(
      "acceptée en ligne par Les Cyclopostiers (Camille Martin, présidente) le 07/12/2026 à 15:04",
    );
    expect(email.text).toContain("Il reste à enregistrer l’acceptation de la Région");
    expect(email.text).toContain(url);
    expect(email.html).toContain(escapeHtml(url));
    expect(email.html).not.toContain("<img src=x>");
    expect(htmlText(email.html)).toContain(`Fête "solidaire" <img src=x>`);
  });

  it("tells the association both parties accepted and the first payment may be requested", () => {
    const email = agreementAccepted({
      ...base,
      method: "PAPER",
      acceptedBy: "la Région Centre-Val de Loire",
      complete: true,
      forHolder: true,
    });
    expect(email.subject).toBe("Dossier AVOSID-2026-00001 : la convention est acceptée par les deux parties");
    expect(email.text).toContain("signée sur papier (copie transmise) par la Région Centre-Val de Loire");
    expect(email.text).toContain("la convention prend effet à cette date");
    expect(email.text).toContain("demander le premier versement");
  });
});

describe("the agreement's wording", () => {
  it("names the dossier and the organisation in the declaration ticked", () => {
    const names = { number: "CAPASSO-2026-00042", organisationName: "L’Échappée belle" };
    expect(agreementDeclaration("HOLDER", "ONLINE", names)).toBe(
      "Je déclare avoir lu la convention du dossier CAPASSO-2026-00042, être habilité·e à engager " +
        "L’Échappée belle et accepter cette convention en son nom, sans réserve.",
    );
    expect(agreementDeclaration("REGION", "PAPER", names)).toContain("pour la Région Centre-Val de Loire");
  });

  it("dates each planned payment from the acceptance, never from a calendar", () => {
    const plan = postGrantPlan({
      schemeCode: "CAP_ASSO",
      terms: DEFAULT_CAP_ASSO_PAYMENT_TERMS,
      agreementLengthMonths: 36,
      grantedAmountCents: 3_400_000,
      yearlyAmountsCents: [1_200_000, 1_200_000, 1_000_000],
      startsOn: new Date(0),
    });
    expect(
      plannedPaymentLines("CAP_ASSO", plan.payments).map((line) => [line.name, line.when, line.amountCents]),
    ).toEqual([
      ["Avance de l’année 1", "À l’acceptation de la convention par les deux parties", 600_000],
      ["Solde de l’année 1", "Sur le compte rendu financier de l’année 1", 600_000],
      ["Avance de l’année 2", "Année 2, une fois approuvé le compte rendu financier de l’année 1", 600_000],
      ["Solde de l’année 2", "Sur le compte rendu financier de l’année 2", 600_000],
      ["Avance de l’année 3", "Année 3, une fois approuvé le compte rendu financier de l’année 2", 500_000],
      ["Solde de l’année 3", "Sur le compte rendu financier de l’année 3", 500_000],
    ]);
  });
});
