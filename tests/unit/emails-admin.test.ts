// The account invitation an administrator sends: a French subject, the activation link in the text and
// the HTML part, and the names typed by the administrator shown as text, never interpreted as HTML.
import { describe, expect, it } from "vitest";

import { accountInvitation } from "~emails/account-invitation";
import { escapeHtml } from "~emails/layout";

const url = "https://portail-ess.example/activer-mon-compte/abc123?source=email&etape=2";
const hostile = `Léa <script>alert("x")</script> & Cie 'B'`;
const hostileOrganisation = "Fondation <b>& Fils</b>";

describe("the account-invitation email", () => {
  const email = accountInvitation({
    firstName: hostile,
    inviterName: `Alix <img src=x onerror=alert(1)>`,
    role: "FUNDER",
    funderOrganisationName: hostileOrganisation,
    url,
    validityDays: 7,
  });

  it("has a French subject and names its template", () => {
    expect(email.subject).toBe("Activez votre compte sur le Portail ESS Centre-Val de Loire");
    expect(email.template).toBe("account-invitation");
  });

  it("gives the activation link in the text part and in the HTML part, with its validity", () => {
    expect(email.text).toContain(`Activer mon compte : ${url}`);
    expect(email.html).toContain(`href="${escapeHtml(url)}"`);
    expect(email.text).toContain("Ce lien est valable 7 jours et ne peut servir qu’une fois.");
  });

  it("shows the names typed by the administrator as text, never as markup", () => {
    for (const value of [hostile, hostileOrganisation, "Alix <img src=x onerror=alert(1)>"]) {
      expect(email.text).toContain(value);
      expect(email.html).toContain(escapeHtml(value));
    }
    expect(email.html).not.toMatch(/<script|<img|<b>/i);
    expect(email.html).toContain(`<title>${escapeHtml(email.subject)}</title>`);
  });

  it("tells each role what the account is for, and leaves no undefined or null in it", () => {
    const instructor = accountInvitation({
      firstName: "Camille",
      inviterName: "Alix Martin",
      role: "INSTRUCTOR",
      url,
      validityDays: 7,
    });
    expect(instructor.text).toContain(
      "Alix Martin vous a créé un compte sur le Portail ESS Centre-Val de Loire",
    );
    expect(instructor.text).toContain("instruire les dossiers de financement de votre périmètre");
    expect(email.text).toContain(
      `Vous y représenterez ${hostileOrganisation} au sein de la communauté des financeurs`,
    );
    const admin = accountInvitation({
      firstName: "Dominique",
      inviterName: "Alix Martin",
      role: "ADMIN",
      url,
      validityDays: 7,
    });
    expect(admin.text).toContain("administrer les dispositifs, les comptes et les organisations financeuses");
    for (const rendered of [email, instructor, admin]) {
      for (const part of [rendered.subject, rendered.text, rendered.html]) {
        expect(part).not.toMatch(/undefined|null|NaN/);
      }
    }
  });
});
