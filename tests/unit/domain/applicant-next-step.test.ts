// The one line the applicant's home gives a granted dossier: what the association has to do next.
import { describe, expect, it } from "vitest";

import { applicantNextStep, type AfterGrant } from "~/domain/applicant-next-step";
import { DossierStatus } from "~/generated/prisma/enums";

const granted = { id: "d1", status: DossierStatus.GRANTED };
const now = new Date("2026-12-07T10:00:00Z");
const step = (afterGrant: AfterGrant) => applicantNextStep(granted, afterGrant, now);

describe("the next step of a granted dossier", () => {
  it("asks to accept the agreement first, then waits for the Region", () => {
    expect(step({ holderAccepted: false, regionAccepted: false, nextReport: null })).toEqual({
      label: "Aide accordée : accepter la convention",
      href: "/dossiers/d1/convention",
      urgent: true,
    });
    expect(step({ holderAccepted: true, regionAccepted: false, nextReport: null }).label).toBe(
      "Convention acceptée : en attente de la Région",
    );
  });

  it("points to an overdue or sent-back financial report, and otherwise to the follow-up", () => {
    const accepted = { holderAccepted: true, regionAccepted: true };
    expect(
      step({ ...accepted, nextReport: { period: 1, dueDate: "2026-03-19T00:00:00Z", correction: false } }),
    ).toEqual({
      label: "Compte rendu financier en retard : à remettre",
      href: "/dossiers/d1/comptes-rendus/1",
      urgent: true,
    });
    expect(
      step({ ...accepted, nextReport: { period: 2, dueDate: "2027-03-19T00:00:00Z", correction: true } }),
    ).toEqual({
      label: "Corriger et renvoyer le compte rendu financier",
      href: "/dossiers/d1/comptes-rendus/2",
      urgent: true,
    });
    expect(
      step({ ...accepted, nextReport: { period: 2, dueDate: "2027-03-19T00:00:00Z", correction: false } }),
    ).toEqual({
      label: "Aide accordée : versements et comptes rendus à suivre",
      href: "/dossiers/d1",
      urgent: false,
    });
  });
});
