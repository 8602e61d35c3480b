import { describe, expect, it } from "vitest";

import { dossierStatusChanged } from "~emails/dossier-status-changed";
import { organisationInvitation } from "~emails/organisation-invitation";
import { passwordReset } from "~emails/password-reset";
import { verifyEmail } from "~emails/verify-email";

const url = "https://portail.example/lien/abc123?x=1&y=2";

const emails = {
  "verify-email": verifyEmail({ firstName: "Camille", url }),
  "password-reset": passwordReset({ firstName: "Camille", url }),
  "organisation-invitation": organisationInvitation({
    inviterName: "Dominique Martin",
    organisationName: "Les Cyclopostiers",
    url,
  }),
  "dossier-status-changed": dossierStatusChanged({
    firstName: "Camille",
    dossierNumber: "CAPASSO-2026-00042",
    dossierTitle: "Atelier vélo solidaire",
    statusLabel: "Correction demandée",
    reason: "Le budget prévisionnel manque.",
    url,
  }),
};

describe.each(Object.entries(emails))("the %s email", (template, email) => {
  it("has a French subject and greets or addresses the person in French", () => {
    expect(email.template).toBe(template);
    expect(email.subject.length).toBeGreaterThan(5);
    expect(email.text).toMatch(/Bonjour|vous invite/);
    expect(email.html).toContain('<html lang="fr">');
  });

  it("carries its link in the plain text and in the HTML", () => {
    expect(email.text).toContain(url);
    expect(email.html).toContain(`href="${url.replaceAll("&", "&amp;")}"`);
  });

  it("leaks no undefined or null into what the person reads", () => {
    for (const part of [email.subject, email.text, email.html])
      expect(part).not.toMatch(/undefined|null|NaN/);
  });
});

describe("values typed by people", () => {
  it("are escaped in the HTML and kept as typed in the plain text", () => {
    const email = organisationInvitation({
      inviterName: "Alex <script>alert(1)</script>",
      organisationName: 'Vélos & Co "solidaires"',
      url,
    });
    expect(email.html).not.toContain("<script>");
    expect(email.html).toContain("Alex &lt;script&gt;alert(1)&lt;/script&gt;");
    expect(email.html).toContain("Vélos &amp; Co &quot;solidaires&quot;");
    expect(email.text).toContain('Vélos & Co "solidaires"');
  });

  it("state the reason of a status change only when there is one", () => {
    const withoutReason = dossierStatusChanged({
      firstName: "Camille",
      dossierNumber: "CAPASSO-2026-00042",
      dossierTitle: "Atelier vélo solidaire",
      statusLabel: "En instruction",
      url,
    });
    expect(withoutReason.text).not.toContain("Motif");
    expect(emails["dossier-status-changed"].text).toContain("Motif : Le budget prévisionnel manque.");
  });
});
