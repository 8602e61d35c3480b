// The configuration check of app/env.server.ts: what an operator reads when production refuses to start.
import { describe, expect, it } from "vitest";

import { checkEnvironment, EnvironmentError, parseEnvironment } from "~/env.server";

const PRODUCTION = {
  NODE_ENV: "production",
  SESSION_SECRET: "un-secret-de-production-de-quarante-caracteres",
  SMTP_URL: "smtp://relais.region-centre.fr:587",
  APP_URL: "https://portail-ess.centre-valdeloire.fr/",
};

function problems(raw: Record<string, string | undefined>): string[] {
  try {
    checkEnvironment(raw);
  } catch (error) {
    if (error instanceof EnvironmentError) return error.problems;
    throw error;
  }
  return [];
}

describe("checkEnvironment", () => {
  it("accepts a complete production configuration and applies the README's defaults", () => {
    const config = checkEnvironment(PRODUCTION);
    expect(config.production).toBe(true);
    expect(config.appUrl).toBe("https://portail-ess.centre-valdeloire.fr");
    expect(config.port).toBe(3000);
    expect(config.databasePoolSize).toBe(10);
    expect(config.outboxWorker).toBe(true);
    expect(config.shutdownTimeoutMs).toBe(25_000);
    expect(config.uploadMaxBytes).toBe(10 * 1024 * 1024);
    expect(config.staffSession).toEqual({ idleMs: 30 * 60_000, maxMs: 12 * 3_600_000 });
    expect(config.oidc).toBeNull();
    expect(config.passwordHashCost).toBe(17);
  });

  it("lists in French everything production lacks", () => {
    expect(problems({ NODE_ENV: "production" })).toEqual([
      "SESSION_SECRET doit être défini en production (chaîne aléatoire d’au moins 32 caractères).",
      "SMTP_URL (ou SMTP_HOST et SMTP_PORT) doit être défini en production : sans serveur SMTP, aucun e-mail ne partirait.",
      "APP_URL doit être défini en production : l’adresse publique du portail, en https (liens des e-mails et des PDF).",
    ]);
  });

  it("wants https for APP_URL in production, except on the machine itself", () => {
    expect(problems({ ...PRODUCTION, APP_URL: "http://portail.example.fr" })).toEqual([
      "APP_URL doit être une adresse https en production (reçu « http://portail.example.fr »).",
    ]);
    expect(problems({ ...PRODUCTION, APP_URL: "http://127.0.0.1:3402" })).toEqual([]);
  });

  it("names each malformed number, boolean and URL with the value it received", () => {
    expect(
      problems({
        ...PRODUCTION,
        PORT: "80a",
        DATABASE_POOL_SIZE: "0",
        SMTP_URL: "relais.region-centre.fr",
        LOG_REQUESTS: "peut-être",
        UPLOAD_MAX_BYTES: "-1",
        DATABASE_URL: "mysql://base",
      }),
    ).toEqual([
      "DATABASE_URL doit commencer par postgresql:// (PostgreSQL) ou pglite: (base embarquée) (reçu « mysql://base »).",
      "DATABASE_POOL_SIZE doit être un nombre entier entre 1 et 1000 (reçu « 0 »).",
      "SMTP_URL doit être une adresse smtp://… ou smtps://… (reçu « relais.region-centre.fr »).",
      "UPLOAD_MAX_BYTES doit être un nombre entier supérieur ou égal à 1 (reçu « -1 »).",
      "PORT doit être un nombre entier entre 1 et 65535 (reçu « 80a »).",
      "LOG_REQUESTS doit valoir true ou false (ou 1 ou 0) (reçu « peut-être »).",
    ]);
  });

  it("puts the list under one French heading, one line per problem", () => {
    expect(() => checkEnvironment({ NODE_ENV: "production", PORT: "x" })).toThrow(
      /^Configuration invalide : le portail ne démarre pas\. À corriger dans l’environnement :\n- PORT doit être/,
    );
  });
});

describe("parseEnvironment", () => {
  it("asks nothing more of development, where emails go to the development mailbox", () => {
    const config = parseEnvironment({});
    expect(config.production).toBe(false);
    expect(config.smtpConfigured).toBe(false);
    expect(config.appUrl).toBe("http://localhost:3000");
  });

  it("still refuses malformed values outside production", () => {
    expect(() => parseEnvironment({ OUTBOX_WORKER: "plus tard" })).toThrow(EnvironmentError);
  });

  it("reads the staff sessions' limits, and the Region's sign-on only with its three settings", () => {
    expect(
      parseEnvironment({ STAFF_SESSION_IDLE_MINUTES: "15", STAFF_SESSION_MAX_HOURS: "8" }).staffSession,
    ).toEqual({ idleMs: 15 * 60_000, maxMs: 8 * 3_600_000 });
    expect(() => parseEnvironment({ STAFF_SESSION_IDLE_MINUTES: "0" })).toThrow(
      "STAFF_SESSION_IDLE_MINUTES doit être un nombre entier entre 1 et 1440",
    );
    const oidc = {
      OIDC_ISSUER: "https://auth.region-centre.fr/realms/agents",
      OIDC_CLIENT_ID: "portail-ess",
      OIDC_CLIENT_SECRET: "un-secret",
    };
    expect(parseEnvironment(oidc).oidc).toEqual({
      issuer: oidc.OIDC_ISSUER,
      clientId: oidc.OIDC_CLIENT_ID,
      clientSecret: oidc.OIDC_CLIENT_SECRET,
    });
    expect(() => parseEnvironment({ ...oidc, OIDC_CLIENT_SECRET: "" })).toThrow(
      "OIDC_ISSUER, OIDC_CLIENT_ID et OIDC_CLIENT_SECRET vont ensemble",
    );
  });

  it("reads booleans as the README writes them", () => {
    expect(
      parseEnvironment({ OUTBOX_WORKER: "0", SEED_DEMO: "non", S3_FORCE_PATH_STYLE: "true" }),
    ).toMatchObject({ outboxWorker: false, SEED_DEMO: false, S3_FORCE_PATH_STYLE: true });
  });
});

describe("the legal notice (LCEN art. 6-III)", () => {
  it("names the Region as publisher and host, with its address and switchboard, unless configured", () => {
    const notice = parseEnvironment({}).legalNotice;
    expect(notice.publisher).toEqual({
      name: "Région Centre-Val de Loire",
      address: "9 rue Saint-Pierre-Lentin, CS 94117, 45041 Orléans Cedex 1",
      phone: "02 38 70 30 30",
    });
    expect(notice.host).toEqual(notice.publisher);
    expect(notice.publicationDirector).toMatch(/Président du Conseil régional/);
  });

  it("states the host a deployment configures, beside the publisher", () => {
    const notice = parseEnvironment({
      LEGAL_HOST: "OVH SAS",
      LEGAL_HOST_ADDRESS: "2 rue Kellermann, 59100 Roubaix",
      LEGAL_HOST_PHONE: "1007",
      LEGAL_PUBLICATION_DIRECTOR: "M. le Président du Conseil régional",
    }).legalNotice;
    expect(notice.host).toEqual({
      name: "OVH SAS",
      address: "2 rue Kellermann, 59100 Roubaix",
      phone: "1007",
    });
    expect(notice.publisher.name).toBe("Région Centre-Val de Loire");
    expect(notice.publicationDirector).toBe("M. le Président du Conseil régional");
  });
});
