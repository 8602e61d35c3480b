// The shape every email shares: a layout of tables that Outlook desktop renders like webmail, the first
// sentence as the inbox preview, and the call to action as a button with its link written out below.
import { describe, expect, it } from "vitest";

import { renderEmail } from "../../emails/layout";
import { htmlText } from "../support/email-text";

const email = renderEmail({
  template: "exemple",
  subject: "Votre dossier CAPASSO-2026-00042 est déposé",
  greeting: "Bonjour Camille,",
  paragraphs: ["Votre dossier « Ateliers vélo » est bien déposé.", "Le service instructeur l’examinera."],
  action: { label: "Voir le dossier", url: "https://portail.example.fr/dossiers/abc?x=1&y=2" },
});

describe("the email layout", () => {
  it("is laid out with presentation tables, a fixed-width column and inline styles only", () => {
    expect(email.html).toMatch(/<table role="presentation" width="600"/);
    expect(email.html).not.toMatch(/<style|<link|class=/);
    expect(email.html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
  });

  it("shows the first sentence as the inbox preview, hidden from the body", () => {
    expect(email.html).toMatch(
      /<body[^>]*>\s*<div style="display:none;[^"]*">Votre dossier « Ateliers vélo » est bien déposé\.<\/div>/,
    );
  });

  it("makes the call to action a button whose link also reads in full, escaped", () => {
    expect(email.html).toMatch(
      /<td bgcolor="#12355b"[^>]*><a href="https:\/\/portail\.example\.fr\/dossiers\/abc\?x=1&amp;y=2"/,
    );
    expect(htmlText(email.html)).toContain("https://portail.example.fr/dossiers/abc?x=1&y=2");
    expect(email.text).toContain("Voir le dossier : https://portail.example.fr/dossiers/abc?x=1&y=2");
  });
});
