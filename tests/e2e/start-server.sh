#!/usr/bin/env bash
# The portal as the e2e tests see it: a brand-new embedded database (migrated, then seeded with the demo
# accounts) and the server on the existing build. Run by Playwright's webServer (playwright.config.ts).
set -euo pipefail
cd "$(dirname "$0")/../.."

export DATABASE_URL="pglite:./data/e2e-pglite"
export PORT="${PORT:-3210}"
export APP_URL="${APP_URL:-http://localhost:$PORT}"
export SESSION_SECRET="${SESSION_SECRET:-e2e-session-secret-not-for-production}"
export LOG_REQUESTS=0
# Passwords hashed at scrypt N = 2^12, not production's 2^17: every sign-in of the suite saves half a second.
export PASSWORD_HASH_COST=12
# Attachments, receipts and development emails of this run only, beside its database.
export STORAGE_DIR="./data/e2e-files"
export MAIL_DIR="./data/e2e-mail"
# Mail goes to the development outbox (/dev/mails), never to a real server.
unset SMTP_URL SMTP_HOST

if [ ! -f build/index.js ]; then
  echo "build/index.js manquant : lancez « npm run test:e2e » (qui construit l'application) ou « npm run build »." >&2
  exit 1
fi

rm -rf data/e2e-pglite data/e2e-files data/e2e-mail
mkdir -p data
npx prisma migrate deploy
npx tsx seeds/index.ts
exec node server.mjs
