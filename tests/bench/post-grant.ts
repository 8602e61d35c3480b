// The life after the grant at volume, by set-based SQL like volume.ts: for each granted bench dossier (the
// equity advance aside: its repayments are another story) both sides' acceptance a month after the decision
// (a few await the Region, a few the association), the plan's payments — CAP ASSO an advance and a balance
// a year, A VOS ID an advance and a balance, CAP SCOP-SCIC one payment — requested every six months and
// paid two months later, the latest ones still requested, approved or sent back; a report per financed
// period due six months after it, most approved, some sent, overdue or sent back; and a few amounts to
// repay. What the follow-up queue (/instruction/suivi) and the funders' figures read.
import type { BenchDatabase } from "./database";

/** A pseudo-random integer in [0, n) from a dossier id and a salt (as volume.ts). */
const h = (n: number, salt: string, key = "d.id") => `(abs(hashtext(${key} || '${salt}')) % ${n})`;

/** The dice of the acceptance: < 4 nobody yet, < 8 the association only, otherwise both sides. */
const ACCEPTED_BOTH = `${h(100, "acc")} >= 8`;

export async function seedPostGrant({ exec }: BenchDatabase) {
  await exec(`
    INSERT INTO "AgreementAcceptance" (id, "dossierId", side, method, "userId", "signatoryName", "signatoryRole",
      declaration, "ipAddress", "agreementSha256", "acceptedAt")
    SELECT d.id || '_a' || s.k, d.id, s.side::"AgreementSide", 'ONLINE'::"AcceptanceMethod",
      CASE WHEN s.k = 1 THEN d."createdById" ELSE d."assigneeId" END,
      CASE WHEN s.k = 1 THEN 'Représentant légal' ELSE 'Instructeur' END, 'président·e',
      'Je déclare avoir lu la convention et l’accepter.', '192.0.2.1', md5(d.id) || md5(d.id || 's'),
      d."decidedAt" + (20 + 8 * s.k || ' days')::interval
    FROM "Dossier" d CROSS JOIN (VALUES (1, 'HOLDER'), (2, 'REGION')) AS s(k, side)
    WHERE d.id LIKE 'bench_d%' AND d.status = 'GRANTED' AND d."schemeCode" <> 'EQUITY_ADVANCE'
      AND d."decidedAt" IS NOT NULL AND d."assigneeId" IS NOT NULL
      AND ${h(100, "acc")} >= CASE WHEN s.k = 1 THEN 4 ELSE 8 END;

    UPDATE "Dossier" d SET "agreementAcceptedAt" = d."decidedAt" + interval '36 days'
    WHERE d.id LIKE 'bench_d%' AND d.status = 'GRANTED' AND d."schemeCode" <> 'EQUITY_ADVANCE'
      AND d."decidedAt" IS NOT NULL AND d."assigneeId" IS NOT NULL AND ${ACCEPTED_BOTH};`);

  // Payment k is requested 10 days after acceptance plus six months per earlier payment; one requested more
  // than two months ago is paid, a more recent one is in the instructor's hands.
  await exec(`
    INSERT INTO "Payment" (id, "dossierId", position, period, kind, status, "plannedAmountCents",
      "requestedAmountCents", "approvedAmountCents", "paidAmountCents", "requestedAt", "requestedById",
      "decidedById", "approvedAt", "paidOn", "mandateReference", "updatedAt")
    WITH planned AS (
      SELECT d.id, d."createdById", d."assigneeId", d."schemeCode", d."grantedAmountCents" AS granted, k,
        CASE d."schemeCode" WHEN 'CAP_ASSO' THEN 6 WHEN 'A_VOS_ID' THEN 2 ELSE 1 END AS n,
        d."agreementAcceptedAt" + interval '10 days' + ((k - 1) * 182 || ' days')::interval AS asked,
        ${h(100, "pay' || k || '")} AS dice
      FROM "Dossier" d CROSS JOIN generate_series(1, 6) AS k
      WHERE d.id LIKE 'bench_d%' AND d."agreementAcceptedAt" IS NOT NULL
        AND k <= CASE d."schemeCode" WHEN 'CAP_ASSO' THEN 6 WHEN 'A_VOS_ID' THEN 2 ELSE 1 END),
    shaped AS (
      SELECT p.*, p.granted / p.n AS amount,
        CASE WHEN p.asked > now() THEN 'EXPECTED'
             WHEN p.asked < now() - interval '60 days' THEN 'PAID'
             WHEN p.dice < 55 THEN 'REQUESTED' WHEN p.dice < 85 THEN 'APPROVED'
             ELSE 'CORRECTION_REQUESTED' END AS st
      FROM planned p)
    SELECT s.id || '_pay' || s.k, s.id, s.k,
      CASE WHEN s."schemeCode" = 'CAP_ASSO' THEN (s.k + 1) / 2 ELSE 1 END,
      (CASE WHEN s.n = 1 THEN 'SINGLE' WHEN s.k % 2 = 1 THEN 'ADVANCE' ELSE 'BALANCE' END)::"PaymentKind",
      s.st::"PaymentStatus", s.amount,
      CASE WHEN s.st <> 'EXPECTED' THEN s.amount END,
      CASE WHEN s.st IN ('APPROVED', 'PAID') THEN s.amount END,
      CASE WHEN s.st = 'PAID' THEN s.amount END,
      CASE WHEN s.st <> 'EXPECTED' THEN s.asked END,
      CASE WHEN s.st <> 'EXPECTED' THEN s."createdById" END,
      CASE WHEN s.st IN ('APPROVED', 'PAID', 'CORRECTION_REQUESTED') THEN s."assigneeId" END,
      CASE WHEN s.st IN ('APPROVED', 'PAID') THEN s.asked + interval '20 days' END,
      CASE WHEN s.st = 'PAID' THEN s.asked + interval '45 days' END,
      CASE WHEN s.st = 'PAID' THEN 'MDT-' || upper(substr(md5(s.id || s.k), 1, 8)) END,
      now()
    FROM shaped s;`);

  // A report per financed period (CAP ASSO: three years; A VOS ID: the two-year project), due six months
  // after its end.
  await exec(`
    INSERT INTO "FinancialReport" (id, "dossierId", period, "periodStart", "periodEnd", "dueDate", status,
      answers, "submittedAt", "submittedById", "decidedById", "approvedAt", "retainedAmountCents", "updatedAt")
    WITH periods AS (
      SELECT d.id, d."createdById", d."assigneeId", d."grantedAmountCents" AS granted, d."jobsCreatedFte" AS jobs,
        d."jobsConsolidatedFte" AS consolidated, p,
        CASE WHEN d."schemeCode" = 'CAP_ASSO' THEN 3 ELSE 1 END AS n,
        d."agreementAcceptedAt" + ((p - 1) * 12 || ' months')::interval AS starts,
        d."agreementAcceptedAt" + ((CASE WHEN d."schemeCode" = 'CAP_ASSO' THEN p * 12 ELSE 24 END) || ' months')::interval AS ends,
        ${h(100, "rep' || p || '")} AS dice
      FROM "Dossier" d CROSS JOIN generate_series(1, 3) AS p
      WHERE d.id LIKE 'bench_d%' AND d."agreementAcceptedAt" IS NOT NULL
        AND (d."schemeCode" = 'CAP_ASSO' OR (d."schemeCode" = 'A_VOS_ID' AND p = 1))),
    shaped AS (
      SELECT r.*, r.ends + interval '6 months' AS due,
        CASE WHEN r.ends + interval '6 months' > now() THEN
               CASE WHEN r.ends < now() AND r.dice < 30 THEN 'SUBMITTED' ELSE 'DUE' END
             WHEN r.dice < 75 THEN 'APPROVED' WHEN r.dice < 85 THEN 'SUBMITTED'
             WHEN r.dice < 95 THEN 'DUE' ELSE 'CORRECTION_REQUESTED' END AS st
      FROM periods r)
    SELECT s.id || '_rep' || s.p, s.id, s.p, s.starts, s.ends, s.due, s.st::"ReportStatus",
      CASE WHEN s.st = 'DUE' THEN '{}'::jsonb ELSE jsonb_build_object('values', '{}'::jsonb, 'report',
        jsonb_build_object('indicators', jsonb_build_object('kind', 'CAP_ASSO',
          'jobsCreatedFte', coalesce(s.jobs, 1) / s.n, 'jobsConsolidatedFte', coalesce(s.consolidated, 0)))) END,
      CASE WHEN s.st <> 'DUE' THEN least(s.due, now()) - interval '20 days' END,
      CASE WHEN s.st <> 'DUE' THEN s."createdById" END,
      CASE WHEN s.st IN ('APPROVED', 'CORRECTION_REQUESTED') THEN s."assigneeId" END,
      CASE WHEN s.st = 'APPROVED' THEN least(s.due, now()) - interval '5 days' END,
      CASE WHEN s.st = 'APPROVED' THEN s.granted / s.n END,
      now()
    FROM shaped s;`);

  // One A VOS ID dossier in twenty with an approved report spent less than planned: an amount to repay.
  await exec(`
    INSERT INTO "Recovery" (id, "dossierId", "amountCents", reason, status, "decidedById", "decidedAt", "dueDate",
      "settledAt")
    SELECT d.id || '_rec', d.id, d."grantedAmountCents" / 10, 'Dépenses éligibles inférieures au budget prévu.',
      (CASE WHEN ${h(2, "recs")} = 0 THEN 'ISSUED' ELSE 'SETTLED' END)::"RecoveryStatus", d."assigneeId",
      r."approvedAt", r."approvedAt" + interval '60 days',
      CASE WHEN ${h(2, "recs")} = 1 THEN r."approvedAt" + interval '50 days' END
    FROM "Dossier" d JOIN "FinancialReport" r ON r."dossierId" = d.id AND r.status = 'APPROVED'
    WHERE d.id LIKE 'bench_d%' AND d."schemeCode" = 'A_VOS_ID' AND ${h(20, "rec")} = 0;`);
}

/** How many rows the seed wrote, for the bench's log. */
export async function postGrantCounts({ query }: BenchDatabase) {
  const [row] = await query<{ payments: string; reports: string; recoveries: string }>(
    `SELECT (SELECT count(*) FROM "Payment") AS payments, (SELECT count(*) FROM "FinancialReport") AS reports,
            (SELECT count(*) FROM "Recovery") AS recoveries`,
  );
  return {
    payments: Number(row?.payments),
    reports: Number(row?.reports),
    recoveries: Number(row?.recoveries),
  };
}
