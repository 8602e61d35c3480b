// The emails of a payment's life after the grant: to the instructor when it is requested or sent back, to
// the organisation's members when a complement is asked, the payment approved, paid or cancelled. French
// subjects, amounts and dates as the French write them, the link in both parts, what people typed escaped.
import { describe, expect, it } from "vitest";

import { paris } from "~/domain/paris-time";
import { escapeHtml, type RenderedEmail } from "~emails/layout";
import { paymentApproved } from "~emails/payment-approved";
import { paymentCancelled } from "~emails/payment-cancelled";
import { paymentCorrectionRequested } from "~emails/payment-correction-requested";
import { paymentPaid } from "~emails/payment-paid";
import { paymentRequested } from "~emails/payment-requested";

import { htmlText } from "../support/email-text";

const url = "https://portail-ess.example/dossiers/abc/versements/2?source=email&x=1";
const hostile = `Léa <script>alert("x")</script> & Cie`;
const base = {
  firstName: "Camille",
  dossierNumber: "CAPASSO-2026-00042",
  dossierTitle: `Fête "solidaire" <img src=x>`,
  paymentName: "Solde de l’année 1",
  url,
};

const cases: Array<{ name: string; email: RenderedEmail; subject: string; says: string[]; typed: string[] }> =
  [
    {
      name: "payment-requested",
      email: paymentRequested({
        ...base,
        organisationName: hostile,
        amountCents: 1_234_550,
        proofCount: 2,
        resubmitted: false,
      }),
      subject: "Dossier CAPASSO-2026-00042\u00a0: demande de versement (solde de l’année 1)",
      says: ["12\u202f345,50\u00a0€ demandés", "2 justificatifs sont joints."],
      typed: [hostile],
    },
    {
      name: "payment-requested",
      email: paymentRequested({
        ...base,
        organisationName: "Les Jardins",
        amountCents: 600_000,
        proofCount: 0,
        resubmitted: true,
      }),
      subject: "Dossier CAPASSO-2026-00042\u00a0: demande de versement complétée (solde de l’année 1)",
      says: ["Les Jardins a complété et renvoyé le versement", "Aucun justificatif n’est joint."],
      typed: [],
    },
    {
      name: "payment-correction-requested",
      email: paymentCorrectionRequested({ ...base, note: `Joignez l’état <b>signé</b>` }),
      subject: "Dossier CAPASSO-2026-00042\u00a0: votre demande de versement est à compléter",
      says: ["Ce qu’il faut compléter\u00a0: Joignez l’état <b>signé</b>"],
      typed: ["Joignez l’état <b>signé</b>"],
    },
    {
      name: "payment-approved",
      email: paymentApproved({ ...base, requestedCents: 600_000, approvedCents: 550_000 }),
      subject: "Dossier CAPASSO-2026-00042\u00a0: versement approuvé",
      says: ["est approuvée\u202f: 5\u202f500,00\u00a0€ (vous aviez demandé 6\u202f000,00\u00a0€)."],
      typed: [],
    },
    {
      name: "payment-paid",
      email: paymentPaid({
        ...base,
        paidCents: 550_000,
        paidOn: paris("2026-12-01T12:00"),
        mandateReference: "MDT <2026>",
      }),
      subject: "Dossier CAPASSO-2026-00042\u00a0: versement effectué",
      says: ["La Région a versé 5\u202f500,00\u00a0€ à votre organisation le 1er\u00a0décembre\u00a02026"],
      typed: ["MDT <2026>"],
    },
    {
      name: "payment-cancelled",
      email: paymentCancelled({ ...base, reason: "Solde ramené à zéro par le compte rendu." }),
      subject: "Dossier CAPASSO-2026-00042\u00a0: versement annulé",
      says: ["Motif\u00a0: Solde ramené à zéro par le compte rendu."],
      typed: [],
    },
  ];

describe.each(cases)("$name: $subject", ({ name, email, subject, says, typed }) => {
  it("has its French subject, its template and its sentences in both parts", () => {
    expect(email.subject).toBe(subject);
    expect(email.template).toBe(name);
    expect(email.text).toMatch(/^Bonjour Camille,/);
    for (const sentence of says) {
      expect(email.text).toContain(sentence);
      expect(htmlText(email.html)).toContain(sentence);
    }
  });

  it("gives the link in both parts and shows what people typed as text", () => {
    expect(email.text).toContain(url);
    expect(email.html).toContain(`href="${url.replaceAll("&", "&amp;")}"`);
    for (const value of [...typed, base.dossierTitle]) {
      expect(email.text).toContain(value);
      expect(email.html).toContain(escapeHtml(value));
    }
    expect(email.html).not.toMatch(/<script|<img|<b>/i);
    expect(`${email.text}${email.html}`).not.toMatch(/undefined|null|NaN/);
  });
});
