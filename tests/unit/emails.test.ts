// Every email a user receives: a French subject, the link they need in both the text and the HTML part,
// and whatever a user typed (names, titles, reasons) shown as text, never interpreted as HTML.
import { describe, expect, it } from "vitest";

import { formatEuros } from "~/domain/format";
import { correctionRequested } from "~emails/correction-requested";
import { dossierDecided, RECOURSE_NOTICE } from "~emails/dossier-decided";
import { dossierFiled } from "~emails/dossier-filed";
import { dossierStatusChanged } from "~emails/dossier-status-changed";
import { escapeHtml, type RenderedEmail } from "~emails/layout";
import { messageExcerpt, messageReceived } from "~emails/message-received";
import { organisationInvitation } from "~emails/organisation-invitation";
import { passwordReset } from "~emails/password-reset";
import { recoveryCodeUsed } from "~emails/recovery-code-used";
import { secondFactorEnabled } from "~emails/second-factor-enabled";
import { secondFactorReset } from "~emails/second-factor-reset";
import { verifyEmail } from "~emails/verify-email";

import { htmlText } from "../support/email-text";

// A query string with `&`, as a real link may carry: raw in the text, `&amp;` in the HTML.
const url = "https://portail-ess.example/lien/abc123?source=email&etape=2";
const hostile = `Léa <script>alert("x")</script> & Cie 'B'`;
const hostileTitle = `Fête "solidaire" <img src=x onerror=alert(1)>`;

const cases: Array<{ name: string; email: RenderedEmail; subject: string | RegExp; typed: string[] }> = [
  {
    name: "verify-email",
    email: verifyEmail({ firstName: hostile, url }),
    subject: "Confirmez votre adresse e-mail",
    typed: [hostile],
  },
  {
    name: "password-reset",
    email: passwordReset({ firstName: hostile, url }),
    subject: "Réinitialisation de votre mot de passe",
    typed: [hostile],
  },
  {
    name: "organisation-invitation",
    email: organisationInvitation({
      inviterName: hostile,
      organisationName: "Les Jardins <b>& Fils</b>",
      url,
    }),
    subject: "Invitation à rejoindre Les Jardins <b>& Fils</b>",
    typed: [hostile, "Les Jardins <b>& Fils</b>"],
  },
  {
    name: "dossier-status-changed",
    email: dossierStatusChanged({
      firstName: hostile,
      dossierNumber: "CAPASSO-2026-00042",
      dossierTitle: `Fête "solidaire" <img src=x onerror=alert(1)>`,
      statusLabel: "Complément demandé",
      reason: "Budget < 0 & RIB manquant",
      url,
    }),
    subject: "Dossier CAPASSO-2026-00042 : Complément demandé",
    typed: [hostile, `Fête "solidaire" <img src=x onerror=alert(1)>`, "Budget < 0 & RIB manquant"],
  },
  {
    name: "dossier-filed",
    email: dossierFiled({
      firstName: hostile,
      dossierNumber: "CAPASSO-2026-00001",
      dossierTitle: hostileTitle,
      schemeName: "CAP'Asso <i>2026</i>",
      organisationName: "Les Jardins <b>& Fils</b>",
      filedAt: new Date("2026-11-22T13:05:00.000Z"),
      requestedAmountCents: 1_234_550,
      url,
    }),
    subject: "Votre dossier CAPASSO-2026-00001 a bien été déposé",
    typed: [hostile, hostileTitle, "CAP'Asso <i>2026</i>", "Les Jardins <b>& Fils</b>"],
  },
  {
    name: "correction-requested",
    email: correctionRequested({
      firstName: hostile,
      dossierNumber: "AVOSID-2026-00007",
      dossierTitle: hostileTitle,
      reason: "Budget < 0 & RIB manquant",
      items: ["RIB <b>illisible</b>", `Statuts "à jour"`],
      replyBy: new Date("2026-12-15T22:59:00.000Z"),
      url,
    }),
    subject: "Dossier AVOSID-2026-00007 : des corrections sont demandées",
    typed: [hostile, hostileTitle, "Budget < 0 & RIB manquant", "RIB <b>illisible</b>", `Statuts "à jour"`],
  },
  {
    name: "message-received",
    email: messageReceived({
      firstName: hostile,
      dossierNumber: "CAPASSO-2026-00042",
      dossierTitle: hostileTitle,
      authorLabel: "Les Jardins <b>& Fils</b>",
      excerpt: `Bonjour, voici le RIB <script>alert("x")</script> & le budget.`,
      attachmentCount: 2,
      url,
    }),
    subject: "Dossier CAPASSO-2026-00042 : nouveau message",
    typed: [
      hostile,
      hostileTitle,
      "Les Jardins <b>& Fils</b>",
      `Bonjour, voici le RIB <script>alert("x")</script> & le budget.`,
    ],
  },
  {
    name: "dossier-decided",
    email: dossierDecided({
      firstName: hostile,
      dossierNumber: "CAPASSO-2026-00042",
      dossierTitle: hostileTitle,
      schemeName: "CAP'Asso <i>2026</i>",
      granted: false,
      amountCents: null,
      sessionDate: new Date("2026-12-11T09:00:00.000Z"),
      motivation: "Projet hors <b>périmètre</b> & déjà financé",
      url,
    }),
    subject: "Dossier CAPASSO-2026-00042 : aide non accordée",
    typed: [hostile, hostileTitle, "CAP'Asso <i>2026</i>", "Projet hors <b>périmètre</b> & déjà financé"],
  },
  {
    name: "second-factor-enabled",
    email: secondFactorEnabled({ firstName: hostile, when: "07/12/2026 18:05", accountUrl: url }),
    subject: "Double authentification activée sur votre compte",
    typed: [hostile],
  },
  {
    name: "recovery-code-used",
    email: recoveryCodeUsed({ firstName: hostile, when: "07/12/2026 18:05", remaining: 1, accountUrl: url }),
    subject: "Un code de secours a servi à vous connecter",
    typed: [hostile, "Il vous reste 1 code de secours."],
  },
  {
    name: "second-factor-reset",
    email: secondFactorReset({ firstName: hostile, when: "07/12/2026 18:05", signInUrl: url }),
    subject: "Votre double authentification a été réinitialisée",
    typed: [hostile],
  },
];

describe.each(cases)("the $name email", ({ name, email, subject, typed }) => {
  it("has a French subject and names its template", () => {
    expect(email.subject).toEqual(subject);
    expect(email.template).toBe(name);
    expect(email.html).toContain('<html lang="fr">');
    expect(email.text).toMatch(/^Bonjour/);
    expect(email.text).toContain("Portail ESS Centre-Val de Loire");
  });

  it("gives the link in the text part and in the HTML part", () => {
    expect(email.text).toContain(url);
    expect(email.html).toContain(`href="${url.replaceAll("&", "&amp;")}"`);
    // Shown in full too, for mail clients that hide buttons.
    expect(email.html).toContain(`>${url.replaceAll("&", "&amp;")}</a>`);
  });

  it("shows what users typed as text, never as markup", () => {
    for (const value of typed) {
      expect(email.text).toContain(value);
      expect(email.html).toContain(escapeHtml(value));
    }
    expect(email.html).not.toMatch(/<script|<img|<b>|<i>/i);
    expect(email.html).toContain(`<title>${escapeHtml(email.subject)}</title>`);
  });

  it("leaves no undefined or null in what the user reads", () => {
    for (const part of [email.subject, email.text, email.html])
      expect(part).not.toMatch(/undefined|null|NaN/);
  });
});

describe("escapeHtml", () => {
  it("escapes each character that could open markup or close an attribute", () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe(
      "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;",
    );
  });
});

describe("the dossier-status-changed email", () => {
  it("mentions the reason only when there is one", () => {
    const data = {
      firstName: "Camille",
      dossierNumber: "AVOSID-2026-00007",
      dossierTitle: "Repair café",
      statusLabel: "Déposé",
      url,
    };
    const withoutReason = dossierStatusChanged(data);
    expect(withoutReason.text).not.toContain("Motif");
    expect(withoutReason.html).not.toContain("Motif");
    expect(dossierStatusChanged({ ...data, reason: "" }).text).not.toContain("Motif");
    expect(dossierStatusChanged({ ...data, reason: "Pièce illisible" }).text).toContain(
      "Motif : Pièce illisible",
    );
    expect(withoutReason.text).toContain(
      "Votre dossier AVOSID-2026-00007 « Repair café » a changé d’étape : Déposé.",
    );
  });
});

describe("the dossier-filed email", () => {
  const data = {
    firstName: "Camille",
    dossierNumber: "CAPASSO-2026-00001",
    dossierTitle: "Repair café de Blois",
    schemeName: "CAP'Asso",
    organisationName: "Les Jardins de Loire",
    // 00:30 in Paris on 1 April (summer time), still 31 March in UTC.
    filedAt: new Date("2026-03-31T22:30:00.000Z"),
    requestedAmountCents: 1_234_550,
    url,
  };

  it("gives the filing date and time in Paris and the amount requested in euros", () => {
    const email = dossierFiled(data);
    for (const part of [email.text, htmlText(email.html)]) {
      expect(part).toContain(
        "Votre dossier CAPASSO-2026-00001 « Repair café de Blois » a bien été déposé le 01/04/2026 à 00:30 pour l’organisation « Les Jardins de Loire », au titre du dispositif CAP'Asso.",
      );
      expect(part).toContain(`Montant demandé : ${formatEuros(1_234_550)}.`);
      expect(part).toMatch(/12\u202f345,50\u00a0€/);
      expect(part).toContain("Le récépissé de dépôt est joint à ce message.");
      expect(part).toContain(
        "Vous pouvez encore modifier votre dossier tant que son instruction n’a pas commencé.",
      );
    }
  });

  it("leaves the amount out when none was requested", () => {
    const email = dossierFiled({ ...data, requestedAmountCents: null });
    expect(email.text).not.toContain("Montant");
    expect(email.text).not.toContain("€");
  });
});

describe("the correction-requested email", () => {
  const data = {
    firstName: "Camille",
    dossierNumber: "AVOSID-2026-00007",
    dossierTitle: "Repair café",
    reason: "Le RIB est illisible.",
    items: ["Relevé d’identité bancaire", "Budget prévisionnel"],
    // 23:30 on 15 December in Paris: the deadline is the 15th, not the 16th or the 14th.
    replyBy: new Date("2026-12-15T22:30:00.000Z"),
    url,
  };

  it("lists each element to correct and the deadline, as a French date in Paris", () => {
    const email = correctionRequested(data);
    for (const part of [email.text, htmlText(email.html)]) {
      expect(part).toContain("Motif : Le RIB est illisible.");
      expect(part).toContain("Éléments à corriger :");
      expect(part).toContain("– Relevé d’identité bancaire");
      expect(part).toContain("– Budget prévisionnel");
      expect(part).toContain("au plus tard le 15/12/2026.");
    }
    expect(email.text.indexOf("Relevé")).toBeLessThan(email.text.indexOf("Budget prévisionnel"));
  });

  it("speaks of one element in the singular, and of none when the list is empty", () => {
    expect(correctionRequested({ ...data, items: ["Statuts"] }).text).toContain(
      "Élément à corriger :\n\n– Statuts",
    );
    const none = correctionRequested({ ...data, items: [], reason: "" });
    expect(none.text).not.toMatch(/corriger :|Motif/);
    expect(none.text).toContain("au plus tard le 15/12/2026.");
  });
});

describe("the message-received email", () => {
  const data = {
    firstName: "Camille",
    dossierNumber: "CAPASSO-2026-00042",
    dossierTitle: "Repair café",
    authorLabel: "l’instructrice ou l’instructeur",
    excerpt: "Merci pour votre envoi.",
    attachmentCount: 0,
    url,
  };

  it("names the author at the start of a sentence and quotes a short message whole", () => {
    const email = messageReceived(data);
    expect(email.text).toContain(
      "L’instructrice ou l’instructeur a écrit un message au sujet du dossier CAPASSO-2026-00042 « Repair café » :",
    );
    expect(email.text).toContain("« Merci pour votre envoi. »");
    expect(email.text).not.toContain("pièce jointe");
  });

  it("cuts a long message between two words, with an ellipsis, at about 300 characters", () => {
    const words = Array.from({ length: 80 }, (_, index) => `mot${index + 1}`);
    const long = `Bonjour,\n\n${words.join(" ")}`;
    const excerpt = messageExcerpt(long);
    expect(excerpt.endsWith("…")).toBe(true);
    expect(Array.from(excerpt).length).toBeLessThanOrEqual(301);
    expect(Array.from(excerpt).length).toBeGreaterThan(250);
    // The last word kept is whole: the text before the ellipsis is a prefix made of whole words.
    const kept = excerpt.slice(0, -1);
    expect(`Bonjour, ${words.join(" ")}`.startsWith(`${kept} `)).toBe(true);
    expect(kept).toMatch(/mot\d+$/);
    const email = messageReceived({ ...data, excerpt: long });
    expect(email.text).toContain(`« ${excerpt} »`);
    expect(email.text).not.toContain(words.at(-1));
  });

  it("never splits an emoji, even in a single word longer than the excerpt", () => {
    const excerpt = messageExcerpt("😀".repeat(400));
    expect(excerpt).toBe(`${"😀".repeat(300)}…`);
    expect(excerpt).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });

  it("counts the attachments, in the singular for one", () => {
    expect(messageReceived({ ...data, attachmentCount: 1 }).text).toContain(
      "Ce message comporte 1 pièce jointe, à consulter sur le portail.",
    );
    expect(messageReceived({ ...data, attachmentCount: 3 }).text).toContain(
      "Ce message comporte 3 pièces jointes, à consulter sur le portail.",
    );
  });
});

describe("the dossier-decided email", () => {
  const data = {
    firstName: "Camille",
    dossierNumber: "CAPASSO-2026-00042",
    dossierTitle: "Repair café",
    schemeName: "CAP'Asso",
    granted: true,
    amountCents: 1_500_000,
    sessionDate: new Date("2026-12-11T09:00:00.000Z"),
    motivation: null,
    url,
  };

  it("gives the amount voted, the session and where the agreement is, without a recourse notice", () => {
    const email = dossierDecided(data);
    expect(email.subject).toBe("Dossier CAPASSO-2026-00042 : aide accordée");
    for (const part of [email.text, htmlText(email.html)]) {
      expect(part).toContain(
        "La Région Centre-Val de Loire a décidé, lors de la séance du 11/12/2026, d’accorder une aide à votre dossier CAPASSO-2026-00042 « Repair café », au titre du dispositif CAP'Asso.",
      );
      expect(part).toContain(`Montant voté : ${formatEuros(1_500_000)}.`);
      expect(part).toMatch(/15\u202f000,00\u00a0€/);
      expect(part).toContain("La convention et la lettre de décision sont disponibles sur le portail.");
      expect(part).not.toContain("recours");
    }
  });

  it("gives the reasons of a refusal and the ways to appeal it", () => {
    const email = dossierDecided({
      ...data,
      granted: false,
      amountCents: null,
      sessionDate: null,
      motivation: "Le projet ne relève pas de l’économie sociale et solidaire.",
    });
    for (const part of [email.text, htmlText(email.html)]) {
      expect(part).toContain(
        "La Région Centre-Val de Loire a décidé de ne pas accorder d’aide à votre dossier CAPASSO-2026-00042 « Repair café », au titre du dispositif CAP'Asso.",
      );
      expect(part).toContain("Motif : Le projet ne relève pas de l’économie sociale et solidaire.");
      expect(part).toContain(RECOURSE_NOTICE);
      expect(part).not.toContain("€");
    }
    expect(RECOURSE_NOTICE).toMatch(
      /recours gracieux auprès de la Présidente ou du Président du Conseil régional ou un recours contentieux devant le tribunal administratif d’Orléans dans un délai de deux mois/,
    );
  });
});
