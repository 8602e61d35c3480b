import { fileURLToPath } from "node:url";

import { defineConfig } from "vitest/config";

// Same aliases as tsconfig.json "paths", so tests import app code exactly as the app does.
const alias = [
  { find: /^~emails\//, replacement: fileURLToPath(new URL("./emails/", import.meta.url)) },
  { find: /^~\//, replacement: fileURLToPath(new URL("./app/", import.meta.url)) },
];

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
          // Rendering a many-page PDF takes a second on a quiet machine, several on a loaded one.
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          // Each file migrates its own database (tests/support/database.ts): slower than a unit test.
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Two cores, and every worker holds an in-memory PGlite or a PostgreSQL database: two at a time.
          maxWorkers: 2,
          // A module that reaches the app's own client (~/db.server) must never touch ./data/pglite or a
          // developer's DATABASE_URL; tests pass their own database to services instead.
          // Passwords hashed at scrypt N = 2^12 instead of production's 2^17: a sign-in costs milliseconds,
          // not half a second (tests/unit/password.test.ts checks the production cost).
          env: { DATABASE_URL: "pglite:memory", PASSWORD_HASH_COST: "12" },
        },
      },
    ],
  },
});
