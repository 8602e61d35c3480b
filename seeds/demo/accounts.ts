// Demo accounts, one per role at least. Their passwords are public on purpose (printed by `npm start`,
// used by the end-to-end tests): demo data only, never for a real installation (SEED_DEMO=false).
// No runtime import here, so Playwright tests can read this list without loading the app.
import type { UserRole } from "../../app/generated/prisma/enums";

/**
 * The TOTP secret (base32) every demo staff account is enrolled with: public like their passwords, so that a
 * newcomer can add it to any authenticator app and scripts (the e2e tests) can compute the codes.
 */
export const DEMO_TOTP_SECRET = "PORTAILESSCENTREVALDELOIREDEMO23";

export interface DemoAccount {
  key: "applicant" | "applicantCooperative" | "instructor" | "funder" | "admin";
  role: UserRole;
  email: string;
  password: string;
  firstName: string;
  lastName: string;
  /** French description printed next to the account. */
  description: string;
  /** Slug of the funder organisation a funder belongs to. */
  funderSlug?: string;
  /** Staff accounts come enrolled in the second factor with DEMO_TOTP_SECRET. */
  totpSecret?: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    key: "applicant",
    role: "APPLICANT",
    email: "porteur@demo.portail-ess.fr",
    password: "Demo-Porteur-2026!",
    firstName: "Camille",
    lastName: "Martin",
    description: "président de l’association Les Cyclopostiers, associé de la SCOP Les Cyclopostiers",
  },
  {
    key: "applicantCooperative",
    role: "APPLICANT",
    email: "porteuse@demo.portail-ess.fr",
    password: "Demo-Porteuse-2026!",
    firstName: "Léa",
    lastName: "Dubois",
    description: "gérante de la SCOP Les Cyclopostiers et des autres structures de démonstration",
  },
  {
    key: "instructor",
    role: "INSTRUCTOR",
    email: "instructeur@demo.portail-ess.fr",
    password: "Demo-Instructeur-2026!",
    firstName: "Julien",
    lastName: "Bernard",
    description: "tous dispositifs et tous territoires",
    totpSecret: DEMO_TOTP_SECRET,
  },
  {
    key: "funder",
    role: "FUNDER",
    email: "financeur@demo.portail-ess.fr",
    password: "Demo-Financeur-2026!",
    firstName: "Sophie",
    lastName: "Lefèvre",
    description: "membre de la Banque des Territoires",
    funderSlug: "banque-des-territoires",
    totpSecret: DEMO_TOTP_SECRET,
  },
  {
    key: "admin",
    role: "ADMIN",
    email: "admin@demo.portail-ess.fr",
    password: "Demo-Admin-2026!",
    firstName: "Nathalie",
    lastName: "Girard",
    description: "Région Centre-Val de Loire",
    totpSecret: DEMO_TOTP_SECRET,
  },
];

export type DemoAccountKey = DemoAccount["key"];
