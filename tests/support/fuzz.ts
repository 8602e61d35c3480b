// Property-based fuzzing of the portal's actions and loaders: arbitrary forms and query strings built from
// a route's own vocabulary (its field names and intents) mixed with hostile values, and a cheap fingerprint
// of the database to prove that a refused request (4xx) wrote nothing.
import { readFile } from "node:fs/promises";

import fc from "fast-check";

import { dossierSteps } from "~/domain/dossier-forms";
import type { PrismaClient } from "~/generated/prisma/client";
import { SchemeCode, UserRole } from "~/generated/prisma/enums";
import { createDraft } from "~/services/admin/rule-sets.server";
import { setFunderSharing } from "~/services/applicant/dossier-sharing.server";
import { formContext, startDossier } from "~/services/applicant/dossiers.server";
import { startInstruction } from "~/services/instruction/actions.server";

import { A_VOS_ID_DOSSIERS } from "../../seeds/demo/dossiers-a-vos-id";
import { CAP_ASSO_DOSSIERS } from "../../seeds/demo/dossiers-cap-asso";

import type { TestDatabase } from "./database";
import { APP_URL, createUser, fileDemo, type World } from "./instruction-world";
import { acceptBothSides, grantDossiers } from "./post-grant-world";

const ORIGIN = "http://localhost:3000";

/** A field's value: text (sent as UTF-8) or raw bytes (possibly invalid UTF-8). */
export type FuzzValue = string | Uint8Array;
export type FuzzField = [name: string, value: FuzzValue];
export interface FuzzFile {
  field: string;
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
}
export type FuzzBody =
  | { kind: "urlencoded"; fields: FuzzField[] }
  | { kind: "multipart"; fields: FuzzField[]; files: FuzzFile[] }
  | { kind: "raw"; contentType: string | null; bytes: Uint8Array };

/**
 * The words a route module uses, its field names and intents among them: every short identifier-like
 * string literal of its source. A new field or intent is fuzzed without anyone listing it.
 */
export async function routeVocabulary(file: string): Promise<string[]> {
  const source = await readFile(file, "utf8");
  const words = new Set<string>();
  for (const match of source.matchAll(/["'`]([A-Za-z_][\w.[\]-]{0,40})["'`]/g)) words.add(match[1]!);
  return [...words].sort();
}

/** Percent-encoding of bytes as a browser sends a urlencoded form (or a query string). */
function percentEncode(value: FuzzValue): string {
  const bytes = typeof value === "string" ? Buffer.from(value, "utf8") : Buffer.from(value);
  let out = "";
  for (const byte of bytes) {
    const char = String.fromCharCode(byte);
    out += /[A-Za-z0-9*\-._]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

export function encodeQuery(fields: FuzzField[]): string {
  return fields.map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`).join("&");
}

function encodeMultipart(fields: FuzzField[], files: FuzzFile[]): { boundary: string; bytes: Buffer } {
  const boundary = "----fuzz7MA4YWxkTrZu0gW";
  // Quotes and line breaks cannot appear raw in a part header: a browser escapes them the same way.
  const quoted = (name: string) => name.replace(/"/g, "%22").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
  const parts: Buffer[] = [];
  for (const [name, value] of fields) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${quoted(name)}"\r\n\r\n`),
      Buffer.from(value),
      Buffer.from("\r\n"),
    );
  }
  for (const file of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${quoted(file.field)}"; filename="${quoted(file.fileName)}"\r\nContent-Type: ${file.contentType}\r\n\r\n`,
      ),
      Buffer.from(file.bytes),
      Buffer.from("\r\n"),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { boundary, bytes: Buffer.concat(parts) };
}

/** The POST a browser (or a forger) would send: same origin, the session cookie, the fuzzed body. */
export function fuzzRequest(path: string, body: FuzzBody, cookie?: string): Request {
  const headers = new Headers({ Origin: ORIGIN });
  if (cookie) headers.set("Cookie", cookie);
  let bytes: Uint8Array;
  if (body.kind === "urlencoded") {
    headers.set("Content-Type", "application/x-www-form-urlencoded");
    bytes = Buffer.from(encodeQuery(body.fields));
  } else if (body.kind === "multipart") {
    const encoded = encodeMultipart(body.fields, body.files);
    headers.set("Content-Type", `multipart/form-data; boundary=${encoded.boundary}`);
    bytes = encoded.bytes;
  } else {
    if (body.contentType !== null) headers.set("Content-Type", body.contentType);
    bytes = body.bytes;
  }
  return new Request(new URL(path, ORIGIN), { method: "POST", headers, body: Buffer.from(bytes) });
}

/** Short human description of a body, for a failing run's report (values cut to 80 characters). */
export function describeBody(body: FuzzBody): string {
  const show = (value: FuzzValue) => {
    const text = typeof value === "string" ? value : `bytes(${Buffer.from(value).toString("hex")})`;
    return JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…(${text.length})` : text);
  };
  if (body.kind === "raw") return `raw ${body.contentType} ${body.bytes.length} bytes`;
  const fields = body.fields.map(([name, value]) => `${show(name)}=${show(value)}`).join(", ");
  if (body.kind === "urlencoded") return `urlencoded { ${fields} }`;
  const files = body.files.map((file) => `${show(file.fileName)} (${file.bytes.length} bytes)`).join(", ");
  return `multipart { ${fields} } files [${files}]`;
}

const HOSTILE = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\u202eFDP.exe",
  "\u200b\u200d\ufeff",
  "\ud800",
  "x\udfffy",
  "👩‍👩‍👧‍👦🇫🇷",
  "e\u0301\u0301\u0301",
  "' OR 1=1 --",
  '"; DROP TABLE "Dossier"; --',
  "<script>alert(1)</script>",
  "${7*7}{{7*7}}",
  "__proto__",
  "constructor",
  "toString",
  "../../etc/passwd",
  "%00",
  "%",
  "\r\n\r\nX-Injected: 1",
  "null",
  "undefined",
  "[]",
  "{}",
  "NaN",
  "Infinity",
  "-0",
  "1e309",
  "-1",
  "9007199254740993",
  "0x1F",
  "12,50",
  "1 000 000,00",
  "2026-02-30",
  "0000-00-00",
  "31/12/2025",
  "9999-12-31T23:59:59Z",
  "on",
  "oui",
  "non",
  "true",
  "false",
  "1",
  "0",
  "porteur@demo.portail-ess.fr",
  "a@b",
  "W000000000",
  "12345678901234",
  "FR7630006000011234567890189",
];

/** A value of any shape: a word of the route, a real id, hostile text, numbers, dates, bytes, or a lot. */
export function valueArbitrary(vocabulary: string[], ids: string[]): fc.Arbitrary<FuzzValue> {
  const big = fc
    .record({
      pattern: fc.oneof(
        fc.constantFrom(...HOSTILE.filter(Boolean)),
        fc.string({ minLength: 1, maxLength: 8 }),
      ),
      size: fc.integer({ min: 1_000, max: 1 << 20 }),
      lineBreaks: fc.boolean(),
    })
    .map(({ pattern, size, lineBreaks }) => {
      const unit = lineBreaks ? `${pattern}\n` : pattern;
      return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
    });
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...vocabulary) },
    { weight: 3, arbitrary: ids.length ? fc.constantFrom(...ids) : fc.constant("") },
    { weight: 4, arbitrary: fc.constantFrom(...HOSTILE) },
    { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
    { weight: 2, arbitrary: fc.oneof(fc.integer(), fc.double()).map(String) },
    { weight: 1, arbitrary: fc.date({ noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }) },
    { weight: 1, arbitrary: big },
  );
}

/** A field name: mostly the route's own, sometimes hostile or random. */
export function nameArbitrary(vocabulary: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...vocabulary, "intent") },
    { weight: 1, arbitrary: fc.constantFrom("__proto__", "constructor", "fields[]", "a.b", "", "\u0000") },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  );
}

/** Fields in any order, repeated or missing: up to `maxFields` of them. */
export function fieldsArbitrary(vocabulary: string[], ids: string[], maxFields = 12) {
  return fc.array(fc.tuple(nameArbitrary(vocabulary), valueArbitrary(vocabulary, ids)), {
    maxLength: maxFields,
  });
}

/** A form body as the route receives it: urlencoded mostly, multipart with files, or not a form at all. */
export function bodyArbitrary(
  vocabulary: string[],
  ids: string[],
  options: { fileFields?: string[]; sampleFiles?: Uint8Array[] } = {},
): fc.Arbitrary<FuzzBody> {
  const fields = fieldsArbitrary(vocabulary, ids);
  const file = fc.record({
    field: fc.constantFrom(...(options.fileFields ?? []), "file", "attachments", "x"),
    fileName: fc.oneof(
      fc.constantFrom("statuts.pdf", "../../etc/passwd", "a\u0000b.pdf", "\u202efdp.exe", "x".repeat(5_000)),
      fc.string({ maxLength: 30 }),
    ),
    contentType: fc.constantFrom("application/pdf", "application/octet-stream", "image/png", "text/html"),
    bytes: fc.oneof(
      fc.uint8Array({ maxLength: 256 }),
      fc.constantFrom(...(options.sampleFiles ?? [new Uint8Array()])),
    ),
  });
  return fc.oneof(
    { weight: 6, arbitrary: fields.map((list) => ({ kind: "urlencoded" as const, fields: list })) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fields, fc.array(file, { maxLength: 3 }))
        .map(([list, files]) => ({ kind: "multipart" as const, fields: list, files })),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant("raw" as const),
        contentType: fc.constantFrom(
          null,
          "application/json",
          "text/plain",
          "multipart/form-data",
          "multipart/form-data; boundary=x",
          "application/x-www-form-urlencoded; charset=iso-8859-1",
        ),
        bytes: fc.oneof(fc.uint8Array({ maxLength: 200 }), fc.constant(Buffer.from('{"intent":"delete"}'))),
      }),
    },
  );
}

/** A form that passes: the fuzzer starts from it and breaks it a little, to reach past the first check. */
export type FormTemplate = Partial<Record<string, string | string[]>>;

type Mutation = {
  index: number;
  op: "taint" | "replace" | "drop" | "repeat";
  value: FuzzValue;
  taint: string;
  at: number;
};

/** Characters that a form's text can carry and a database or a header may choke on. */
const TAINTS = [
  "\u0000",
  "\u0000",
  "\u0000",
  "\ud800",
  "\u202e",
  "👩‍👩‍👧",
  "\r\n",
  "\t",
  "\u0085",
  "\ufffe",
  "'",
  '"',
  "\\",
];

/**
 * One of the route's valid forms with at most three of its fields broken (replaced by any value, dropped
 * or repeated) and a few fields added: past the first check, into the service behind it. Sent urlencoded,
 * or as multipart with files when the route takes some.
 */
export function mutatedBodyArbitrary(
  templates: FormTemplate[],
  vocabulary: string[],
  ids: string[],
  files?: { field: string; samples: Uint8Array[] },
): fc.Arbitrary<FuzzBody> {
  const mutation: fc.Arbitrary<Mutation> = fc.record({
    index: fc.nat(),
    op: fc.oneof(
      { weight: 5, arbitrary: fc.constant("taint" as const) },
      { weight: 5, arbitrary: fc.constant("replace" as const) },
      { weight: 2, arbitrary: fc.constant("drop" as const) },
      { weight: 1, arbitrary: fc.constant("repeat" as const) },
    ),
    value: valueArbitrary(vocabulary, ids),
    taint: fc.constantFrom(...TAINTS),
    at: fc.nat(),
  });
  const file: fc.Arbitrary<FuzzFile> = fc.record({
    field: fc.constant(files?.field ?? "file"),
    fileName: fc.constantFrom("statuts.pdf", "../../etc/passwd", "budget\u0000.pdf", "x".repeat(300)),
    contentType: fc.constant("application/pdf"),
    bytes: fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...(files?.samples ?? [new Uint8Array()])) },
      { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }) },
    ),
  });
  return fc
    .record({
      template: fc.constantFrom(...templates),
      mutations: fc.array(mutation, { maxLength: 3 }),
      added: fieldsArbitrary(vocabulary, ids, 2),
      files: fc.oneof(
        { weight: 3, arbitrary: fc.array(file, { minLength: files ? 1 : 0, maxLength: files ? 1 : 0 }) },
        { weight: 1, arbitrary: fc.array(file, { maxLength: files ? 3 : 0 }) },
      ),
    })
    .map(({ template, mutations, added, files: attached }): FuzzBody => {
      const original = Object.entries(template).flatMap(([name, values = []]) =>
        (Array.isArray(values) ? values : [values]).map((value): FuzzField => [name, value]),
      );
      const fields: FuzzField[] = [];
      original.forEach(([name, value], index) => {
        const mutation = mutations.find((candidate) => candidate.index % original.length === index);
        if (!mutation) fields.push([name, value]);
        else if (mutation.op === "replace") fields.push([name, mutation.value]);
        else if (mutation.op === "taint") {
          const at = mutation.at % (value.length + 1);
          fields.push([name, `${value.slice(0, at)}${mutation.taint}${value.slice(at)}`]);
        } else if (mutation.op === "repeat") fields.push([name, value], [name, mutation.value]);
      });
      fields.push(...added);
      return files ? { kind: "multipart", fields, files: attached } : { kind: "urlencoded", fields };
    });
}

/**
 * Fixed cases run before the random ones: each valid form with a NUL character in one of its free-text
 * fields (those whose value has a space: names, titles, messages), the value a database refuses to store.
 */
export function nulExamples(
  templates: FormTemplate[],
  file?: { field: string; bytes: Uint8Array },
): Array<[FuzzBody]> {
  return templates.flatMap((template) => {
    const fields = Object.entries(template).flatMap(([name, values = []]) =>
      (Array.isArray(values) ? values : [values]).map((value): FuzzField => [name, value]),
    );
    return fields.flatMap(([, value], index): Array<[FuzzBody]> => {
      if (!/\s/.test(String(value))) return [];
      const tainted = fields.map(([name, text], other): FuzzField =>
        other === index ? [name, `${String(text).slice(0, 3)}\u0000${String(text).slice(3)}`] : [name, text],
      );
      const files = file ? [{ ...file, fileName: "piece.pdf", contentType: "application/pdf" }] : [];
      return [
        [file ? { kind: "multipart", fields: tainted, files } : { kind: "urlencoded", fields: tainted }],
      ];
    });
  });
}

/** The query parameters a source reads: `.get("x")`, `.getAll("x")`, `single("x")`. */
export async function queryParameterNames(file: string): Promise<string[]> {
  const source = await readFile(file, "utf8");
  const names = new Set<string>();
  for (const match of source.matchAll(/(?:\.get|\.getAll|\.has|single)\("([^"]{1,40})"\)/g))
    names.add(match[1]!);
  return [...names];
}

/**
 * A query string (without `?`) for a loader: mostly the parameters it reads, with any value or one of its
 * own words carrying a hostile character; sometimes anything else.
 */
export function queryArbitrary(
  parameters: string[],
  vocabulary: string[],
  ids: string[],
): fc.Arbitrary<string> {
  const value = fc.oneof(
    { weight: 3, arbitrary: valueArbitrary(vocabulary, ids) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom(...vocabulary, ...ids), fc.constantFrom(...TAINTS))
        .map(([word, taint]) => `${word}${taint}`),
    },
  );
  const name = parameters.length
    ? fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...parameters) },
        { weight: 1, arbitrary: nameArbitrary(vocabulary) },
      )
    : nameArbitrary(vocabulary);
  return fc.array(fc.tuple(name, value), { maxLength: 8 }).map((fields) =>
    // A browser never sends 1 MiB in a URL; servers refuse long ones before the app sees them.
    encodeQuery(fields.map(([key, text]) => [key, text.length > 4_000 ? text.slice(0, 4_000) : text])),
  );
}

export type Fingerprint = Map<string, string>;

/**
 * A function that reads every table's row count and a digest of its rows, in one round trip (the table
 * list is read once). `exclude` leaves out tables every request touches (sessions seen).
 */
export function fingerprinter(db: PrismaClient, exclude: string[] = []): () => Promise<Fingerprint> {
  let query: string | undefined;
  return async () => {
    if (!query) {
      const tables = await db.$queryRaw<Array<{ name: string }>>`
        SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
          AND table_name <> '_prisma_migrations'
        ORDER BY table_name`;
      query = tables
        .map((table) => table.name)
        .filter((name) => !exclude.includes(name))
        .map(
          (name) =>
            `SELECT '${name}' AS name, count(*)::text || ':' || coalesce(md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))), '') AS digest FROM "${name}" t`,
        )
        .join(" UNION ALL ");
    }
    const rows = await db.$queryRawUnsafe<Array<{ name: string; digest: string }>>(query);
    return new Map(rows.map((row) => [row.name, row.digest]));
  };
}

/** The tables whose rows differ between two fingerprints. */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((name) => before.get(name) !== after.get(name)).sort();
}

let bound: TestDatabase | undefined;

/**
 * Points the app's `~/db.server` at `database`. Route modules bind the client of `globalThis.__database`
 * when first imported, once per test file: that client forwards to whichever engine is under test.
 */
export function bindAppDatabase(database: TestDatabase): void {
  bound = database;
  globalThis.__database ??= {
    get kind() {
      return bound!.kind;
    },
    db: new Proxy({} as PrismaClient, {
      get(_target, key) {
        const value = Reflect.get(bound!.db, key) as unknown;
        return typeof value === "function"
          ? (value as (...args: unknown[]) => unknown).bind(bound!.db)
          : value;
      },
    }),
    close: async () => undefined,
  };
}

export type FuzzRole = "applicant" | "instructor" | "funder" | "admin";

export interface FuzzContext {
  people: Record<FuzzRole, string>;
  organisation: string;
  draft: string;
  draftStep: string;
  attachmentKind: string;
  filed: string;
  staffDossier: string;
  staffRevision: number;
  staffAttachment: string;
  /** A CAP ASSO dossier of the applicant's organisation, granted, its agreement accepted by both sides. */
  granted: string;
  shared: string;
  call: string;
  territory: string;
  session: string;
  review: string;
  funderOrganisation: string;
  target: string;
  ruleSetVersion: number;
  /** Real ids of every kind, posted as values: forged references must be refused, not crash. */
  ids: string[];
}

/** Two filed dossiers (one under instruction, both shared with funders), a draft, a funder, a review. */
export async function buildFuzzContext(world: World): Promise<FuzzContext> {
  const { db, instructor, admin } = world;
  const filed = await fileDemo(world, CAP_ASSO_DOSSIERS[0]!);
  const instructed = await fileDemo(world, A_VOS_ID_DOSSIERS[0]!);
  const revision = async (id: string) => (await db.dossier.findUniqueOrThrow({ where: { id } })).revision;
  await startInstruction(db, {
    actor: instructor,
    dossierId: instructed.id,
    revision: await revision(instructed.id),
    appUrl: APP_URL,
  });
  for (const dossier of [filed, instructed]) {
    await setFunderSharing(db, { userId: dossier.owner.id, dossierId: dossier.id, share: true });
  }
  const { organisationId } = await db.dossier.findUniqueOrThrow({ where: { id: filed.id } });
  // After the grant: a granted copy moved to the applicant's organisation, its agreement accepted, so the
  // post-grant pages are fuzzed past their guards (its payments and reports exist).
  const [granted] = await grantDossiers(world, ["CAP_ASSO"]);
  await db.dossier.update({ where: { id: granted!.id }, data: { organisationId } });
  await acceptBothSides(world, granted!.id, filed.owner.id);
  const draft = await startDossier(db, {
    userId: filed.owner.id,
    organisationId,
    schemeCode: SchemeCode.CAP_ASSO,
  });
  const { ruleSet, schemeCode } = await db.dossier.findUniqueOrThrow({
    where: { id: draft.id },
    include: { ruleSet: true },
  });
  const steps = dossierSteps(schemeCode, await formContext(db, schemeCode, ruleSet.parameters));
  const required = (ruleSet.parameters as { requiredAttachments: Array<{ kind: string }> })
    .requiredAttachments;
  const bank = await db.funderOrganisation.findFirstOrThrow({ where: { slug: "banque-des-territoires" } });
  const funder = await createUser(db, "Sophie", "Lefèvre", UserRole.FUNDER);
  await db.user.update({ where: { id: funder.id }, data: { funderOrganisationId: bank.id } });
  const target = await createUser(db, "Dominique", "Cible", UserRole.INSTRUCTOR);
  const review = await db.projectReview.create({
    data: {
      title: "Revue de projets d’essai",
      scheduledAt: new Date(Date.now() + 30 * 86_400_000),
      place: "Orléans, hôtel de Région",
      organiserId: funder.id,
      items: { create: [{ dossierId: instructed.id, position: 1 }] },
    },
  });
  const { version } = await createDraft(db, {
    actorId: admin.id,
    schemeCode: SchemeCode.CAP_ASSO,
    now: new Date(),
  });
  const session = await db.commissionSession.findFirstOrThrow({ where: { status: "PLANNED" } });
  const take = async (rows: Promise<Array<{ id: string }>>) => (await rows).map((row) => row.id);
  const ids = [
    ...(await take(db.attachment.findMany({ take: 3, select: { id: true } }))),
    ...(await take(db.funderOrganisation.findMany({ take: 3, select: { id: true } }))),
    ...(await take(db.territory.findMany({ take: 2, select: { id: true } }))),
    ...[
      filed.id,
      instructed.id,
      granted!.id,
      draft.id,
      organisationId,
      review.id,
      session.id,
      target.id,
      filed.member.id,
    ],
  ];
  return {
    people: { applicant: filed.owner.id, instructor: instructor.id, funder: funder.id, admin: admin.id },
    organisation: organisationId,
    draft: draft.id,
    draftStep: steps[0]!.id,
    attachmentKind: required[0]!.kind,
    filed: filed.id,
    staffDossier: instructed.id,
    staffRevision: await revision(instructed.id),
    staffAttachment: (await db.attachment.findFirstOrThrow({ where: { dossierId: instructed.id } })).id,
    granted: granted!.id,
    shared: instructed.id,
    call: (await db.call.findFirstOrThrow()).id,
    territory: (await db.territory.findFirstOrThrow()).id,
    session: session.id,
    review: review.id,
    funderOrganisation: bank.id,
    target: target.id,
    ruleSetVersion: version,
    ids,
  };
}
