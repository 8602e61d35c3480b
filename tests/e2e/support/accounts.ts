// The demo accounts exactly as the seed creates them (seeds/demo/accounts.ts has no runtime imports).
import { DEMO_ACCOUNTS as SEEDED, type DemoAccount } from "../../../seeds/demo/accounts";

/** One demo account per role, the ones the README and `npm start` present. */
export const DEMO_ACCOUNTS: DemoAccount[] = (["applicant", "instructor", "funder", "admin"] as const).map(
  (key) => {
    const account = SEEDED.find((candidate) => candidate.key === key);
    if (!account) throw new Error(`Compte de démonstration « ${key} » absent de seeds/demo/accounts.ts`);
    return account;
  },
);
