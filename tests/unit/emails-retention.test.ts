// The purge notice sent before a finished dossier's pieces and personal data are deleted: a French subject
// with the date, the link to the dossier in both parts, what goes and what stays, typed names never markup.
import { describe, expect, it } from "vitest";

import { paris } from "~/domain/paris-time";
import { escapeHtml } from "~emails/layout";
import { purgeNotice } from "~emails/purge-notice";

import { htmlText } from "../support/email-text";

const url = "https://portail-ess.example/dossiers/abc123?source=email&etape=2";
const hostile = `Léa <script>alert("x")</script> & Cie 'B'`;
const hostileTitle = `Fête "solidaire" <img src=x onerror=alert(1)>`;
const organisation = "Les Jardins <b>& Fils</b>";

const email = purgeNotice({
  firstName: hostile,
  dossierNumber: "CAPASSO-2021-00042",
  dossierTitle: hostileTitle,
  organisationName: organisation,
  purgeOn: paris("2026-04-15T10:00"),
  retentionMonths: 60,
  url,
});

describe("the purge-notice email", () => {
  it("says in its French subject which dossier loses its pieces, and when", () => {
    expect(email.template).toBe("purge-notice");
    expect(email.subject).toBe("Dossier CAPASSO-2021-00042 : ses pièces seront supprimées le 15/04/2026");
  });

  it("gives the link in the text part and in the HTML part", () => {
    expect(email.text).toContain(url);
    expect(email.html).toContain(`href="${url.replaceAll("&", "&amp;")}"`);
    expect(email.html).toContain(`>${url.replaceAll("&", "&amp;")}</a>`);
  });

  it("says what will be deleted, what is kept, and to download the documents first", () => {
    for (const part of [email.text, htmlText(email.html)]) {
      expect(part).toContain(`Le dossier CAPASSO-2021-00042 « ${hostileTitle} » de ${organisation}`);
      expect(part).toContain(
        "À partir du 15/04/2026, ses pièces et ses données personnelles seront supprimées",
      );
      expect(part).toContain("(60 mois après la décision ou la dernière échéance)");
      expect(part).toMatch(/Seront supprimés : les pièces justificatives .* les messages échangés/);
      expect(part).toMatch(/Seront conservés, .* le numéro du dossier, .* les montants demandés et accordés/);
      expect(part).toContain("téléchargez-les avant cette date depuis la page du dossier");
    }
  });

  it("shows what users typed as text, never as markup", () => {
    for (const value of [hostile, hostileTitle, organisation]) {
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
