import { defineConfig } from "@playwright/test";

// E2E_PORT lets two checkouts run their end-to-end suites side by side.
const PORT = Number(process.env.E2E_PORT) || 3210;
const baseURL = `http://localhost:${PORT}`;

// Playwright's own browser downloads cannot reach their host from here: we drive Debian's `chromium`.
const executablePath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

export default defineConfig({
  testDir: "tests/e2e",
  // One server on one embedded PGlite database (a single connection): tests run one after another, in order.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  // Pages kept by the accessibility check are validated by the Nu Html Checker once every test has run.
  globalSetup: "./tests/e2e/support/global-setup.ts",
  globalTeardown: "./tests/e2e/support/global-teardown.ts",
  use: {
    baseURL,
    locale: "fr-FR",
    timezoneId: "Europe/Paris",
    trace: "retain-on-failure",
    browserName: "chromium",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "portail", testIgnore: /admin-.*\.spec\.ts/ },
    // Administration changes the rules in force for everyone (a new rule-set version cannot be taken
    // back): it runs last, once every other journey has been tried on the seeded rules.
    { name: "administration", testMatch: /admin-.*\.spec\.ts/, dependencies: ["portail"] },
  ],
  webServer: {
    // Fresh database, migrated and seeded, then the production server on the build `npm run test:e2e` made.
    command: "bash tests/e2e/start-server.sh",
    url: `${baseURL}/`,
    env: { PORT: String(PORT) },
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: "pipe",
    stderr: "pipe",
  },
});
