// A realistic volume in seconds, by set-based SQL (INSERT … SELECT over generate_series), not one Prisma
// create per row: five years of calls, 500 organisations with their owners, 30 instructors with scopes,
// 40 funder members, the dossiers over the four schemes (statuses spread by age, amounts, departments,
// territories, sectors, part shared with the funders) with their budget lines, history, corrections and
// pledges, and their life after the grant (post-grant.ts). Deterministic: hashint4/hashtext stand in for a random generator, so two runs seed the same rows.
import type { Templates } from "./templates";
import type { BenchDatabase } from "./database";
import { seedPostGrant } from "./post-grant";
import { demoSiret } from "../../seeds/demo/identifiers";

export interface Volume {
  dossiers: number;
  organisations: number;
  instructors: number;
  funderMembers: number;
  /** The current Paris year; the seed spans it and the four before. */
  year: number;
}

/** A pseudo-random integer in [0, n) from the row number `i` and a salt. */
const r = (n: number, salt: number, i = "i") => `(abs(hashint4(${i} * 16 + ${salt})) % ${n})`;
/** The same from a text key (a dossier id). */
const h = (n: number, salt: string, key = "d.id") => `(abs(hashtext(${key} || '${salt}')) % ${n})`;
const pick = (values: string[], salt: number) =>
  `(ARRAY[${values.map((value) => `'${value.replace(/'/g, "''")}'`).join(",")}])[1 + ${r(values.length, salt)}]`;

const FIRST_NAMES = ["Camille", "Léa", "Hugo", "Inès", "Jules", "Manon", "Nathan", "Chloé", "Louis", "Sarah"];
const LAST_NAMES = ["Martin", "Bernard", "Moreau", "Petit", "Durand", "Leroy", "Garnier", "Roux", "Fournier"];
const ORG_KINDS = [
  "Association",
  "Collectif",
  "Maison",
  "Atelier",
  "Réseau",
  "Comité",
  "Foyer",
  "Ressourcerie",
];
const ORG_THEMES = ["des jardins partagés", "sport-santé", "d’éducation populaire", "culturel", "solidaire"];
const CITIES = [
  "Orléans",
  "Tours",
  "Bourges",
  "Chartres",
  "Blois",
  "Châteauroux",
  "Vierzon",
  "Dreux",
  "Vendôme",
];
const PROJECTS = [
  "Créer un poste de coordinateur",
  "Ouvrir une ressourcerie",
  "Développer une épicerie solidaire",
  "Lancer un tiers-lieu rural",
  "Consolider l’emploi d’animatrice",
  "Reprendre l’entreprise en SCOP",
  "Préfinancer un projet FSE+",
  "Structurer une filière de réemploi",
  "Créer un atelier vélo",
  "Mutualiser un poste administratif",
];

export async function seedVolume(database: BenchDatabase, volume: Volume, templates: Templates) {
  const { exec, query } = database;
  const { year } = volume;

  // Five years of continuous calls; the reference seed made this year's and next year's.
  await exec(`
    INSERT INTO "Call" (id, "schemeId", year, title, kind, "opensAt", "closesAt", "budgetEnvelopeCents", "updatedAt")
    SELECT 'bench_call_' || s.code || '_' || y, s.id, y, s.name || ' — dépôt en continu ' || y, 'CONTINUOUS',
           make_timestamp(y, 1, 1, 0, 0, 0) - interval '1 hour', make_timestamp(y, 12, 31, 22, 59, 59), 900000000, now()
    FROM "Scheme" s CROSS JOIN generate_series(${year - 4}, ${year}) AS y
    WHERE NOT EXISTS (SELECT 1 FROM "Call" c WHERE c."schemeId" = s.id AND c.year = y);`);

  const person = (prefix: string, role: string, count: number, salt: number) => `
    INSERT INTO "User" (id, email, "passwordHash", "firstName", "lastName", role, "emailVerifiedAt", "updatedAt")
    SELECT 'bench_u_${prefix}' || i, '${prefix}' || i || '@bench.portail-ess.example', '-',
           ${pick(FIRST_NAMES, salt)}, ${pick(LAST_NAMES, salt + 1)}, '${role}', now(), now()
    FROM generate_series(1, ${count}) AS i;`;
  await exec(
    person("i", "INSTRUCTOR", volume.instructors, 1) +
      person("f", "FUNDER", volume.funderMembers, 3) +
      person("a", "APPLICANT", volume.organisations, 5),
  );
  // Funder member n belongs to the funder organisation (n - 1) mod 6, in slug order.
  await exec(`
    UPDATE "User" u SET "funderOrganisationId" = f.id
    FROM (SELECT id, row_number() OVER (ORDER BY slug) - 1 AS k FROM "FunderOrganisation") f
    WHERE u.id LIKE 'bench_u_f%' AND (substring(u.id FROM 10)::int - 1) % 6 = f.k;`);
  // Six instructors see everything, the others a department, a scheme, or a scheme in a department.
  await exec(`
    INSERT INTO "InstructorScope" (id, "userId", schemes, "departmentCodes", "territoryCodes", "updatedAt")
    SELECT 'bench_scope_' || i, 'bench_u_i' || i,
      CASE WHEN i > 18 THEN ARRAY[(ARRAY['CAP_ASSO','A_VOS_ID','CAP_SCOP_SCIC','EQUITY_ADVANCE'])[1 + i % 4]]::"SchemeCode"[]
           ELSE ARRAY[]::"SchemeCode"[] END,
      CASE WHEN i BETWEEN 7 AND 18 OR i > 26 THEN ARRAY[(ARRAY['18','28','36','37','41','45'])[1 + i % 6]]
           ELSE ARRAY[]::text[] END,
      ARRAY[]::text[], now()
    FROM generate_series(1, ${volume.instructors}) AS i;`);

  const sirets = Array.from({ length: volume.organisations }, (_, index) =>
    demoSiret(String(30_000_000 + index * 7), "0001"),
  );
  await query(
    `INSERT INTO "Organisation" (id, name, "legalForm", siret, "rnaNumber", "addressLine", postcode, city,
       "departmentCode", "legalRepresentativeName", "legalRepresentativeRole", "contactEmail", "updatedAt")
     SELECT 'bench_o' || i, ${pick(ORG_KINDS, 11)} || ' ' || ${pick(ORG_THEMES, 12)} || ' de ' || ${pick(CITIES, 13)},
       (CASE WHEN ${r(100, 14)} < 70 THEN 'ASSOCIATION' WHEN ${r(100, 14)} < 78 THEN 'SCOP'
             WHEN ${r(100, 14)} < 83 THEN 'SCIC' WHEN ${r(100, 14)} < 85 THEN 'CAE'
             WHEN ${r(100, 14)} < 90 THEN 'ESS_COMPANY' WHEN ${r(100, 14)} < 97 THEN 'LOCAL_AUTHORITY'
             ELSE 'PUBLIC_ESTABLISHMENT' END)::"LegalForm",
       ($1::text[])[i], 'W45' || lpad(i::text, 7, '0'), i || ' rue de la République', dep || '000', ${pick(CITIES, 13)},
       dep, ${pick(FIRST_NAMES, 15)} || ' ' || ${pick(LAST_NAMES, 16)}, 'Président·e', 'contact' || i || '@bench.example', now()
     FROM (SELECT i, ${pick(["18", "28", "36", "37", "37", "41", "45", "45"], 17)} AS dep
           FROM generate_series(1, ${volume.organisations}) AS i) AS o`,
    [sirets],
  );
  await exec(`
    INSERT INTO "Membership" (id, "userId", "organisationId", role)
    SELECT 'bench_m' || i, 'bench_u_a' || i, 'bench_o' || i, 'OWNER' FROM generate_series(1, ${volume.organisations}) AS i;`);

  await seedDossiers(database, volume, templates);
}

async function seedDossiers(database: BenchDatabase, volume: Volume, templates: Templates) {
  const { exec } = database;
  const { year } = volume;
  const template = (code: string) => {
    const id = templates.bySchemeCode[code as keyof Templates["bySchemeCode"]]?.dossierId;
    return id ? `(SELECT answers FROM "Dossier" WHERE id = '${id}')` : `'{}'::jsonb`;
  };
  // Old years are decided; this year's dossiers are spread over the whole life cycle.
  const status = `CASE
    WHEN y < ${year - 1} THEN CASE WHEN dice < 50 THEN 'DRAFT' WHEN dice < 670 THEN 'GRANTED'
      WHEN dice < 850 THEN 'REFUSED' ELSE 'CLOSED' END
    WHEN y = ${year - 1} THEN CASE WHEN dice < 80 THEN 'DRAFT' WHEN dice < 130 THEN 'UNDER_INSTRUCTION'
      WHEN dice < 200 THEN 'PROPOSED' WHEN dice < 750 THEN 'GRANTED' WHEN dice < 900 THEN 'REFUSED' ELSE 'CLOSED' END
    ELSE CASE WHEN dice < 150 THEN 'DRAFT' WHEN dice < 300 THEN 'FILED' WHEN dice < 500 THEN 'UNDER_INSTRUCTION'
      WHEN dice < 580 THEN 'CORRECTION_REQUESTED' WHEN dice < 700 THEN 'PROPOSED' WHEN dice < 900 THEN 'GRANTED'
      WHEN dice < 950 THEN 'REFUSED' ELSE 'CLOSED' END END`;
  const requestedEuros = `CASE scheme WHEN 'CAP_ASSO' THEN 3 * (2000 + ${r(18000, 24)})
    WHEN 'A_VOS_ID' THEN 5000 + ${r(75000, 24)} WHEN 'CAP_SCOP_SCIC' THEN 2000 + ${r(60000, 24)}
    ELSE 5000 + ${r(95000, 24)} END`;
  await exec(`
    INSERT INTO "Dossier" (id, number, "schemeId", "schemeCode", "ruleSetId", "callId", "organisationId", "createdById",
      "assigneeId", status, title, answers, "requestedAmountCents", "proposedAmountCents", "grantedAmountCents",
      "totalBudgetCents", "departmentCode", "territoryId", "jobsCreatedFte", "jobsConsolidatedFte", "capAssoSector",
      "employeeAssociatesCount", "sharedWithFunders", "sharedAt", "filedAt", "decidedAt", "closedAt", "createdAt", "updatedAt")
    WITH base AS (
      SELECT i, ${r(1000, 21)} AS dice, ${year - 4} + ${r(5, 22)} AS y, 1 + ${r(volume.organisations, 23)} AS org,
        CASE WHEN ${r(100, 20)} < 55 THEN 'CAP_ASSO' WHEN ${r(100, 20)} < 75 THEN 'A_VOS_ID'
             WHEN ${r(100, 20)} < 85 THEN 'CAP_SCOP_SCIC' ELSE 'EQUITY_ADVANCE' END AS scheme
      FROM generate_series(1, ${volume.dossiers}) AS i),
    shaped AS (
      SELECT b.*, ${status} AS st, ${requestedEuros} * 100 AS requested,
        make_timestamp(y, 1, 1, 8, 0, 0) + (${r(330, 25)} || ' days')::interval + (${r(600, 26)} || ' minutes')::interval AS filed
      FROM base b),
    numbered AS (
      SELECT s.*, row_number() OVER (PARTITION BY scheme, y, st = 'DRAFT' ORDER BY filed, i) AS seq FROM shaped s)
    SELECT 'bench_d' || n.i,
      CASE WHEN st = 'DRAFT' THEN NULL ELSE sc."numberPrefix" || '-' || n.y || '-' || lpad(seq::text, 5, '0') END,
      sc.id, n.scheme::"SchemeCode", rs.id, c.id, o.id, 'bench_u_a' || n.org,
      CASE WHEN st IN ('DRAFT', 'FILED') THEN NULL ELSE 'bench_u_i' || (1 + ${r(volume.instructors, 27)}) END,
      st::"DossierStatus",
      ${pick(PROJECTS, 28)} || ' à ' || o.city,
      CASE n.scheme WHEN 'CAP_ASSO' THEN ${template("CAP_ASSO")} WHEN 'A_VOS_ID' THEN ${template("A_VOS_ID")}
        WHEN 'CAP_SCOP_SCIC' THEN ${template("CAP_SCOP_SCIC")} ELSE ${template("EQUITY_ADVANCE")} END,
      requested,
      CASE WHEN st IN ('PROPOSED', 'GRANTED', 'REFUSED') THEN requested / 100 * (70 + ${r(31, 29)}) END,
      CASE WHEN st = 'GRANTED' THEN requested / 100 * (70 + ${r(31, 29)}) END,
      requested * (2 + ${r(4, 30)}),
      o."departmentCode",
      CASE WHEN n.scheme = 'A_VOS_ID' THEN (SELECT t.id FROM "Territory" t WHERE t."departmentCode" = o."departmentCode"
        ORDER BY md5(t.code || n.i) LIMIT 1) END,
      CASE WHEN n.scheme = 'CAP_ASSO' THEN 0.5 * (1 + ${r(4, 31)}) END,
      CASE WHEN n.scheme = 'CAP_ASSO' THEN 0.5 * ${r(3, 32)} END,
      CASE WHEN n.scheme = 'CAP_ASSO' THEN (ARRAY['SPORT','CULTURE','INSERTION','YOUTH_POPULAR_EDUCATION',
        'HEALTH_SOCIAL','ENVIRONMENT_TOURISM','OTHER'])[1 + ${r(7, 33)}]::"CapAssoSector" END,
      CASE WHEN n.scheme = 'CAP_SCOP_SCIC' THEN 3 + ${r(30, 34)} END,
      st <> 'DRAFT' AND ${r(100, 35)} < CASE WHEN n.y >= ${year - 1} THEN 15 ELSE 5 END,
      CASE WHEN st <> 'DRAFT' AND ${r(100, 35)} < CASE WHEN n.y >= ${year - 1} THEN 15 ELSE 5 END
        THEN filed + interval '3 days' END,
      CASE WHEN st = 'DRAFT' THEN NULL ELSE filed END,
      CASE WHEN st IN ('GRANTED', 'REFUSED') THEN filed + interval '120 days' END,
      CASE WHEN st = 'CLOSED' THEN filed + interval '60 days' END,
      filed - interval '20 days',
      filed
    FROM numbered n
    JOIN "Scheme" sc ON sc.code::text = n.scheme
    JOIN "RuleSet" rs ON rs."schemeId" = sc.id AND rs.version = 1
    JOIN "Organisation" o ON o.id = 'bench_o' || n.org
    LEFT JOIN "Call" c ON c."schemeId" = sc.id AND c.year = n.y AND c.kind = 'CONTINUOUS';`);

  // The counters continue after the seeded numbers, as they would have.
  await exec(`
    INSERT INTO "DossierNumberCounter" (prefix, year, "lastValue")
    SELECT split_part(number, '-', 1), split_part(number, '-', 2)::int, max(split_part(number, '-', 3)::int)
    FROM "Dossier" WHERE id LIKE 'bench_d%' AND number IS NOT NULL GROUP BY 1, 2
    ON CONFLICT (prefix, year) DO UPDATE SET "lastValue" = GREATEST("DossierNumberCounter"."lastValue", EXCLUDED."lastValue");`);

  await seedDossierRows(database);
  await seedPostGrant(database);
}

async function seedDossierRows({ exec }: BenchDatabase) {
  const bench = `FROM "Dossier" d WHERE d.id LIKE 'bench_d%'`;
  const line = (k: number, side: string, category: string, label: string, amount: string) => `
    SELECT d.id || '_b${k}', d.id, '${side}'::"BudgetSide", '${category}', '${label}', (${amount})::int, ${k} ${bench}`;
  await exec(`
    INSERT INTO "DossierBudgetLine" (id, "dossierId", side, category, label, "amountCents", position)
    ${line(1, "EXPENSE", "PERSONNEL", "Salaires et charges", `d."totalBudgetCents" * 7 / 10`)}
    UNION ALL ${line(2, "EXPENSE", "OPERATING", "Fonctionnement", `d."totalBudgetCents" - d."totalBudgetCents" * 7 / 10`)}
    UNION ALL ${line(3, "RESOURCE", "REGION", "Région Centre-Val de Loire (demandé)", `d."requestedAmountCents"`)}
    UNION ALL ${line(4, "RESOURCE", "STATE", "État", `(d."totalBudgetCents" - d."requestedAmountCents") * 4 / 10`)}
    UNION ALL ${line(5, "RESOURCE", "OWN_FUNDS", "Fonds propres", `d."totalBudgetCents" - d."requestedAmountCents" - (d."totalBudgetCents" - d."requestedAmountCents") * 4 / 10`)};`);

  const event = (
    k: string,
    kind: string,
    from: string,
    to: string,
    actor: string,
    at: string,
    where: string,
  ) => `
    SELECT d.id || '_e${k}', d.id, '${kind}'::"DossierEventKind", ${from}, ${to}, ${actor}, ${kind === "STATUS_CHANGE" ? "'Changement d’étape'" : "NULL"}, ${at}
    ${bench} AND ${where}`;
  const s = (status: string) => `'${status}'::"DossierStatus"`;
  const past = (...statuses: string[]) => `d.status IN (${statuses.map((x) => `'${x}'`).join(", ")})`;
  await exec(`
    INSERT INTO "DossierEvent" (id, "dossierId", kind, "fromStatus", "toStatus", "actorId", reason, "createdAt")
    ${event("1", "STATUS_CHANGE", s("DRAFT"), s("FILED"), `d."createdById"`, `d."filedAt"`, `d.status <> 'DRAFT'`)}
    UNION ALL ${event("2", "ASSIGNMENT", "NULL", "NULL", `d."assigneeId"`, `d."filedAt" + interval '6 days'`, `d."assigneeId" IS NOT NULL`)}
    UNION ALL ${event("3", "STATUS_CHANGE", s("FILED"), s("UNDER_INSTRUCTION"), `d."assigneeId"`, `d."filedAt" + interval '7 days'`, `d."assigneeId" IS NOT NULL`)}
    UNION ALL ${event("4", "STATUS_CHANGE", s("UNDER_INSTRUCTION"), s("CORRECTION_REQUESTED"), `d."assigneeId"`, `d."filedAt" + interval '14 days'`, past("CORRECTION_REQUESTED"))}
    UNION ALL ${event("5", "STATUS_CHANGE", s("UNDER_INSTRUCTION"), s("PROPOSED"), `d."assigneeId"`, `d."filedAt" + interval '40 days'`, past("PROPOSED", "GRANTED", "REFUSED"))}
    UNION ALL ${event("6", "STATUS_CHANGE", s("PROPOSED"), `d.status`, "NULL", `d."decidedAt"`, past("GRANTED", "REFUSED"))}
    UNION ALL ${event("7", "STATUS_CHANGE", s("UNDER_INSTRUCTION"), s("CLOSED"), `d."assigneeId"`, `d."closedAt"`, past("CLOSED"))}
    UNION ALL ${event("8", "SHARING", "NULL", "NULL", `d."createdById"`, `d."sharedAt"`, `d."sharedWithFunders"`)};

    INSERT INTO "CorrectionRequest" (id, "dossierId", "requestedById", reason, fields, "attachmentKinds", "replyBy", "createdAt")
    SELECT d.id || '_c', d.id, d."assigneeId", 'Merci de préciser le plan de financement.', ARRAY[]::text[], ARRAY[]::text[],
      d."filedAt" + interval '44 days', d."filedAt" + interval '14 days' ${bench} AND d.status = 'CORRECTION_REQUESTED';

    INSERT INTO "FunderPledge" (id, "dossierId", "funderOrganisationId", status, instrument, "amountCents", "sharedAt",
      "updatedById", "createdAt", "updatedAt")
    SELECT d.id || '_p' || k, d.id, f.id,
      (ARRAY['INTERESTED','CONSIDERED','COMMITTED','PAID'])[1 + ${h(4, "ps")}]::"PledgeStatus",
      (ARRAY['GRANT','LOAN','GUARANTEE','EQUITY'])[1 + ${h(4, "pi")}]::"PledgeInstrument",
      d."requestedAmountCents" / (2 + k), CASE WHEN ${h(10, "pd")} < 8 THEN d."sharedAt" + interval '10 days' END,
      'bench_u_f' || (f.idx + 1 + 6 * ${h(6, "pm")}), d."sharedAt" + interval '9 days', d."sharedAt" + interval '10 days'
    FROM "Dossier" d CROSS JOIN generate_series(0, 1) AS k
    JOIN (SELECT id, row_number() OVER (ORDER BY slug) - 1 AS idx FROM "FunderOrganisation") f
      ON f.idx = (${h(6, "po")} + k) % 6
    WHERE d.id LIKE 'bench_d%' AND d."sharedWithFunders" AND ${h(100, "pp")} < CASE WHEN k = 0 THEN 40 ELSE 15 END;`);
}
