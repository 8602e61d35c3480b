// Passwords are stored as scrypt hashes whose cost travels with them: production's (OWASP, N = 2^17) by
// default, a lower one where PASSWORD_HASH_COST says so (the test suite), and either still verifies.
import { afterEach, describe, expect, it } from "vitest";

import { hashPassword, verifyPassword } from "~/services/accounts/password.server";

const saved = process.env.PASSWORD_HASH_COST;
afterEach(() => {
  if (saved === undefined) delete process.env.PASSWORD_HASH_COST;
  else process.env.PASSWORD_HASH_COST = saved;
});

describe("password hashes", () => {
  it("use OWASP's scrypt cost when nothing lowers it", async () => {
    delete process.env.PASSWORD_HASH_COST;
    const hash = await hashPassword("Un mot de passe solide 2026");
    expect(hash).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(await verifyPassword("Un mot de passe solide 2026", hash)).toBe(true);
  });

  it("verify at the cost stored with them, whatever the setting is now", async () => {
    process.env.PASSWORD_HASH_COST = "12";
    const cheap = await hashPassword("Mot de passe d’essai");
    expect(cheap).toMatch(/^scrypt\$4096\$8\$1\$/);
    delete process.env.PASSWORD_HASH_COST;
    expect(await verifyPassword("Mot de passe d’essai", cheap)).toBe(true);
    expect(await verifyPassword("Mot de passe d'essai", cheap)).toBe(false);
  });
});
