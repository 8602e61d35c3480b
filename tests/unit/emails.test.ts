// Every email a user receives: a French subject, the link they need in both the text and the HTML part,
// and whatever a user typed (names, titles, reasons) shown as text, never interpreted as HTML.
import { describe, expect, it } from "vitest";

import { dossierStatusChanged } from "~emails/dossier-status-changed";
import { escapeHtml, type RenderedEmail } from "~emails/layout";
import { organisationInvitation } from "~emails/organisation-invitation";
import { passwordReset } from "~emails/password-reset";
import { verifyEmail } from "~emails/verify-email";

// A query string with `&`, as a real link may carry: raw in the text, `&amp;` in the HTML.
const url = "https://portail-ess.example/lien/abc123?source=email&etape=2";
const hostile = `Léa <script>alert("x")</script> & Cie 'B'`;

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
    expect(email.html).not.toMatch(/<script|<img|<b>/i);
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
      "Votre dossier AVOSID-2026-00007 « Repair café » a changé d'étape : Déposé.",
    );
  });
});
