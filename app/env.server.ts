// The portal's configuration: every environment variable the README's configuration table lists, checked
// by one zod schema. server.mjs checks it once at start-up (`checkEnvironment`), before it binds its port: a
// production deployment missing its session secret, its SMTP relay or its public address, or given a
// malformed number, boolean or URL anywhere, refuses to start with the French list of what to fix.
import { z } from "zod";

import { MAX_UPLOAD_BYTES } from "~/domain/uploads";
import { boolean, integer, optional, text, url } from "~/env-fields.server";

// Whether this server is a production deployment, decided when it starts (NODE_ENV=production).
// The Remix compiler replaces `process.env.NODE_ENV` in the server build with "production" whatever the
// environment, so reading it through another reference keeps the decision at run time: `npm start` on a
// developer's machine keeps the development mailbox and accepts the development session secret.
const runtimeEnvironment: NodeJS.ProcessEnv = process.env;

export type RawEnvironment = Record<string, string | undefined>;

const schema = z.object({
  NODE_ENV: text,
  DATABASE_URL: optional(
    z.string().refine((value) => /^(postgres(ql)?:\/\/.+|pglite:.*)$/.test(value), {
      message: "DATABASE_URL doit commencer par postgresql:// (PostgreSQL) ou pglite: (base embarquée)",
    }),
  ),
  DATABASE_POOL_SIZE: integer("DATABASE_POOL_SIZE", 1, 1000),
  SMTP_URL: url("SMTP_URL", ["smtp:", "smtps:"]),
  SMTP_HOST: text,
  SMTP_PORT: integer("SMTP_PORT", 1, 65535),
  SMTP_USER: text,
  SMTP_PASSWORD: text,
  SMTP_SECURE: boolean("SMTP_SECURE"),
  MAIL_FROM: text,
  MAIL_DIR: text,
  OUTBOX_WORKER: boolean("OUTBOX_WORKER"),
  INSTRUCTION_JOBS: boolean("INSTRUCTION_JOBS"),
  APP_URL: url("APP_URL", ["https:", "http:"]),
  SESSION_SECRET: text,
  STORAGE_DIR: text,
  S3_BUCKET: text,
  S3_ENDPOINT: url("S3_ENDPOINT", ["https:", "http:"]),
  S3_REGION: text,
  S3_ACCESS_KEY_ID: text,
  S3_SECRET_ACCESS_KEY: text,
  S3_FORCE_PATH_STYLE: boolean("S3_FORCE_PATH_STYLE"),
  UPLOAD_MAX_BYTES: integer("UPLOAD_MAX_BYTES", 1),
  SHUTDOWN_DELAY_MS: integer("SHUTDOWN_DELAY_MS", 0),
  SHUTDOWN_TIMEOUT_MS: integer("SHUTDOWN_TIMEOUT_MS", 0),
  PORT: integer("PORT", 1, 65535),
  TRUST_PROXY: text,
  LOG_REQUESTS: boolean("LOG_REQUESTS"),
  SEED_DEMO: boolean("SEED_DEMO"),
  // scrypt's cost as a power of two (N = 2^cost). The test suite lowers it: a hash then takes milliseconds.
  PASSWORD_HASH_COST: integer("PASSWORD_HASH_COST", 12, 20),
  // Staff sessions (instructors, admins, funders): idle expiry and absolute lifetime.
  STAFF_SESSION_IDLE_MINUTES: integer("STAFF_SESSION_IDLE_MINUTES", 1, 24 * 60),
  STAFF_SESSION_MAX_HOURS: integer("STAFF_SESSION_MAX_HOURS", 1, 24 * 30),
  // Single sign-on for Region staff (OpenID Connect): all three, or none.
  OIDC_ISSUER: url("OIDC_ISSUER", ["https:", "http:"]),
  OIDC_CLIENT_ID: text,
  OIDC_CLIENT_SECRET: text,
  // Open data (SCDL subventions): the Region's SIRET, and whether grants of 23 000 € or less are published too.
  REGION_SIRET: optional(
    z.string().regex(/^\d{14}$/, { error: "REGION_SIRET doit compter 14 chiffres (le SIRET de la Région)" }),
  ),
  OPEN_DATA_ALL_GRANTS: boolean("OPEN_DATA_ALL_GRANTS"),
  // The legal notice (LCEN art. 6-III): who publishes the portal and who hosts it.
  LEGAL_PUBLISHER: text,
  LEGAL_PUBLISHER_ADDRESS: text,
  LEGAL_PUBLISHER_PHONE: text,
  LEGAL_PUBLICATION_DIRECTOR: text,
  LEGAL_HOST: text,
  LEGAL_HOST_ADDRESS: text,
  LEGAL_HOST_PHONE: text,
});

type Parsed = z.infer<typeof schema>;

/** The configuration, typed, with the README's defaults applied. */
export interface Environment extends Parsed {
  production: boolean;
  databasePoolSize: number;
  port: number;
  /** The portal's public address, without a trailing slash. */
  appUrl: string;
  mailFrom: string;
  mailDirectory: string;
  smtpConfigured: boolean;
  outboxWorker: boolean;
  instructionJobs: boolean;
  logRequests: boolean;
  /** scrypt's N for new password hashes is 2 to this power. */
  passwordHashCost: number;
  /** The Region's SIRET, the awarding body's identifier in the open data. */
  regionSiret: string;
  /** Publish every grant, not only those above 23 000 €. */
  openDataAllGrants: boolean;
  uploadMaxBytes: number;
  shutdownDelayMs: number;
  shutdownTimeoutMs: number;
  /** How long a staff session lasts without a request, and at most, in milliseconds. */
  staffSession: { idleMs: number; maxMs: number };
  /** The Region's identity provider, when the three OIDC_ variables are set. */
  oidc: { issuer: string; clientId: string; clientSecret: string } | null;
  /** Comma-separated in SESSION_SECRET: the first signs new cookies, the others are still accepted. */
  sessionSecrets: string[];
  /** What the legal notice states (LCEN art. 6-III), the Region's own details unless configured. */
  legalNotice: LegalNotice;
}

export interface LegalNotice {
  publisher: { name: string; address: string; phone: string };
  publicationDirector: string;
  host: { name: string; address: string; phone: string };
}

/** The Region's switchboard and seat, as its own site gives them: the publisher unless configured. */
const REGION = {
  name: "Région Centre-Val de Loire",
  address: "9 rue Saint-Pierre-Lentin, CS 94117, 45041 Orléans Cedex 1",
  phone: "02 38 70 30 30",
};

/** The Région Centre-Val de Loire's SIRET (its seat, Orléans), as the SIRENE register gives it. */
export const REGION_SIRET = "23450002300028";

/** OWASP's scrypt cost for passwords: N = 2^17, r = 8, p = 1. */
export const DEFAULT_PASSWORD_HASH_COST = 17;

export const DEFAULT_MAIL_FROM = "Portail ESS Centre-Val de Loire <ne-pas-repondre@portail-ess.example>";
const DEVELOPMENT_SESSION_SECRET = "secret-de-developpement-a-ne-pas-utiliser-en-production";
const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** What production cannot do without, beyond what is malformed: French sentences, one per problem. */
function productionProblems(parsed: Parsed): string[] {
  const problems: string[] = [];
  if (!parsed.SESSION_SECRET?.trim()) {
    problems.push(
      "SESSION_SECRET doit être défini en production (chaîne aléatoire d’au moins 32 caractères).",
    );
  }
  if (!parsed.SMTP_URL && !parsed.SMTP_HOST) {
    problems.push(
      "SMTP_URL (ou SMTP_HOST et SMTP_PORT) doit être défini en production : sans serveur SMTP, aucun e-mail ne partirait.",
    );
  }
  if (!parsed.APP_URL) {
    problems.push(
      "APP_URL doit être défini en production : l’adresse publique du portail, en https (liens des e-mails et des PDF).",
    );
  } else {
    const address = new URL(parsed.APP_URL);
    if (address.protocol !== "https:" && !LOOPBACK.has(address.hostname)) {
      problems.push(`APP_URL doit être une adresse https en production (reçu « ${parsed.APP_URL} »).`);
    }
  }
  return problems;
}

/** Raised when the configuration is unusable; its message is the French list an operator reads. */
export class EnvironmentError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Configuration invalide : le portail ne démarre pas. À corriger dans l’environnement :\n${problems
        .map((problem) => `- ${problem}`)
        .join("\n")}`,
    );
    this.name = "EnvironmentError";
  }
}

/**
 * Checks `raw` (the process's environment by default) and applies the defaults; throws EnvironmentError.
 * With `deployment`, a production environment must also hold what a production server needs (the
 * migration and seed scripts need only the database and storage).
 */
export function parseEnvironment(
  raw: RawEnvironment = runtimeEnvironment,
  { deployment = false } = {},
): Environment {
  const result = schema.safeParse(raw);
  const problems = result.success
    ? []
    : result.error.issues.map((issue) => {
        const name = String(issue.path[0]);
        const value = raw[name];
        return `${issue.message}${value === undefined ? "" : ` (reçu « ${value} »)`}.`;
      });
  const parsed = result.success ? result.data : ({} as Parsed);
  const production = raw.NODE_ENV === "production";
  if (result.success && production && deployment) problems.push(...productionProblems(parsed));
  const oidcSet = [parsed.OIDC_ISSUER, parsed.OIDC_CLIENT_ID, parsed.OIDC_CLIENT_SECRET].filter(
    Boolean,
  ).length;
  if (oidcSet > 0 && oidcSet < 3) {
    problems.push(
      "OIDC_ISSUER, OIDC_CLIENT_ID et OIDC_CLIENT_SECRET vont ensemble : définissez les trois, ou aucun.",
    );
  }
  if (problems.length > 0) throw new EnvironmentError(problems);
  const port = parsed.PORT ?? 3000;
  return {
    ...parsed,
    production,
    databasePoolSize: parsed.DATABASE_POOL_SIZE ?? 10,
    port,
    appUrl: (parsed.APP_URL ?? `http://localhost:${port}`).replace(/\/+$/, ""),
    mailFrom: parsed.MAIL_FROM ?? DEFAULT_MAIL_FROM,
    mailDirectory: parsed.MAIL_DIR ?? "data/mail",
    smtpConfigured: Boolean(parsed.SMTP_URL || parsed.SMTP_HOST),
    outboxWorker: parsed.OUTBOX_WORKER ?? true,
    instructionJobs: parsed.INSTRUCTION_JOBS ?? true,
    logRequests: parsed.LOG_REQUESTS ?? true,
    passwordHashCost: parsed.PASSWORD_HASH_COST ?? DEFAULT_PASSWORD_HASH_COST,
    regionSiret: parsed.REGION_SIRET ?? REGION_SIRET,
    openDataAllGrants: parsed.OPEN_DATA_ALL_GRANTS ?? false,
    uploadMaxBytes: parsed.UPLOAD_MAX_BYTES ?? MAX_UPLOAD_BYTES,
    shutdownDelayMs: parsed.SHUTDOWN_DELAY_MS ?? 0,
    shutdownTimeoutMs: parsed.SHUTDOWN_TIMEOUT_MS ?? 25_000,
    sessionSecrets: (parsed.SESSION_SECRET ?? DEVELOPMENT_SESSION_SECRET)
      .split(",")
      .map((secret) => secret.trim())
      .filter(Boolean),
    staffSession: {
      idleMs: (parsed.STAFF_SESSION_IDLE_MINUTES ?? 30) * 60_000,
      maxMs: (parsed.STAFF_SESSION_MAX_HOURS ?? 12) * 3_600_000,
    },
    oidc:
      parsed.OIDC_ISSUER && parsed.OIDC_CLIENT_ID && parsed.OIDC_CLIENT_SECRET
        ? {
            issuer: parsed.OIDC_ISSUER,
            clientId: parsed.OIDC_CLIENT_ID,
            clientSecret: parsed.OIDC_CLIENT_SECRET,
          }
        : null,
    legalNotice: legalNoticeOf(parsed),
  };
}

function legalNoticeOf(parsed: Parsed): LegalNotice {
  const publisher = {
    name: parsed.LEGAL_PUBLISHER?.trim() || REGION.name,
    address: parsed.LEGAL_PUBLISHER_ADDRESS?.trim() || REGION.address,
    phone: parsed.LEGAL_PUBLISHER_PHONE?.trim() || REGION.phone,
  };
  return {
    publisher,
    publicationDirector:
      parsed.LEGAL_PUBLICATION_DIRECTOR?.trim() || "le Président du Conseil régional du Centre-Val de Loire",
    // A portal the Region runs on its own servers is hosted by the publisher.
    host: {
      name: parsed.LEGAL_HOST?.trim() || publisher.name,
      address: parsed.LEGAL_HOST_ADDRESS?.trim() || publisher.address,
      phone: parsed.LEGAL_HOST_PHONE?.trim() || publisher.phone,
    },
  };
}

const KEYS = Object.keys(schema.shape);
let cached: { signature: string; value: Environment } | undefined;

/**
 * The process's configuration, parsed once (malformed values throw; what production requires is
 * checkEnvironment's). Parsed again only if a variable changed since (tests change UPLOAD_MAX_BYTES on
 * the fly); a running server's environment never does.
 */
export function env(): Environment {
  const signature = JSON.stringify(KEYS.map((key) => runtimeEnvironment[key] ?? null));
  if (cached?.signature !== signature) cached = { signature, value: parseEnvironment() };
  return cached.value;
}

/**
 * What a server checks before it serves: in production, a session secret, an SMTP relay and an https
 * APP_URL too. server.mjs calls it before it binds its port, prints the French list and exits 1 on error.
 */
export function checkEnvironment(raw: RawEnvironment = runtimeEnvironment): Environment {
  return parseEnvironment(raw, { deployment: true });
}

export function isProduction(): boolean {
  return runtimeEnvironment.NODE_ENV === "production";
}

/** An absolute link to `path` on the portal, for emails and PDFs (APP_URL may end with a slash). */
export function appUrl(path = ""): string {
  return `${env().appUrl}${path && !path.startsWith("/") ? "/" : ""}${path}`;
}
