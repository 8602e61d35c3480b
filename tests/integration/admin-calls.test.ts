// The administration of calls for projects on a real database: a window closed by the administrator refuses
// filing and new drafts with the next opening date; the envelopes' figures are the SQL sums of the decisions;
// two calls of a scheme are never open at once; a call with dossiers keeps its scheme and year and is never
// deleted; every change is audited; and the pages refuse anyone but an administrator.
import { rm } from "node:fs/promises";

import type { ActionFunctionArgs } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { AUDIT_ACTIONS } from "~/domain/audit";
import { figuresView } from "~/domain/call-envelopes";
import { callFormSchema, type CallFormValues } from "~/domain/call-form";
import { formatEuros } from "~/domain/format";
import { readQueueFilter } from "~/domain/instruction-queue";
import { paris, parisDay, parisYear } from "~/domain/paris-time";
import { CallKind, DossierStatus, SchemeCode, UserRole } from "~/generated/prisma/enums";
import {
  CallError,
  createCall,
  deleteCall,
  filingWindow,
  getCall,
  listCalls,
  updateCall,
} from "~/services/admin/calls.server";
import { recordSessionDecisions } from "~/services/commission/decisions.server";
import { addToAgenda, callEnvelopes, createSession } from "~/services/commission/sessions.server";
import { DossierError, startDossier } from "~/services/applicant/dossiers.server";
import { fileDossier } from "~/services/applicant/filing.server";
import { proposeDossier } from "~/services/instruction/proposal.server";
import { startInstruction } from "~/services/instruction/actions.server";
import { loadQueue } from "~/services/instruction/queue.server";

import { CAP_ASSO_DOSSIERS } from "../../seeds/demo/dossiers-cap-asso";
import { COOPERATIVE_AND_ADVANCE_DOSSIERS } from "../../seeds/demo/dossiers-cooperatives-and-advances";
import { databaseKinds } from "../support/database";
import {
  APP_URL,
  createUser,
  createWorld,
  fileDemo,
  saveAll,
  uploadRequiredPieces,
  type World,
} from "../support/instruction-world";
import { asServed, cookieOf, get, outcome, post } from "../support/routes";

/** The form as an administrator fills it, then read as the routes read it. */
function callInput(values: Partial<CallFormValues> & Pick<CallFormValues, "scheme" | "year">) {
  return callFormSchema.parse({
    title: `Appel ${values.scheme} ${values.year}`,
    kind: "DATED",
    opensOn: `${values.year}-03-01`,
    closesOn: `${values.year}-03-31`,
    envelope: "100 000",
    ...values,
  });
}

async function refusal<T>(promise: Promise<unknown>, type: new (...args: never[]) => T) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(type);
  return error as T;
}

describe.each(databaseKinds())("calls for projects and their envelopes on %s", (kind) => {
  let world: World;
  const actor = () => ({ actorId: world.admin.id, now: new Date() });

  beforeAll(async () => {
    world = await createWorld(kind);
  });
  afterAll(async () => {
    await world?.database.close();
    if (world) await rm(world.root, { recursive: true, force: true });
  });

  it("refuses filing and new drafts while the window is closed, giving the next opening date", async () => {
    const { db, storage } = world;
    const NOW = paris("2026-06-15T10:00");
    const demo = COOPERATIVE_AND_ADVANCE_DOSSIERS[0]!;
    const filed = await fileDemo(world, demo);
    const { organisationId } = await db.dossier.findUniqueOrThrow({ where: { id: filed.id } });
    // A complete draft started while the 2026 call was open.
    const { id } = await startDossier(db, {
      userId: filed.owner.id,
      organisationId,
      schemeCode: demo.scheme,
      now: NOW,
    });
    await saveAll(world, filed.owner.id, id, demo.answers);
    const draft = await db.dossier.findUniqueOrThrow({
      where: { id },
      include: { call: true },
    });
    await uploadRequiredPieces(world, filed.owner.id, id);

    // The administrator closes the 2026 call on 10 June and sets up an autumn call.
    expect(draft.call!.year).toBe(2026);
    await updateCall(db, {
      ...actor(),
      callId: draft.call!.id,
      call: callInput({
        scheme: demo.scheme,
        year: "2026",
        title: draft.call!.title,
        kind: "CONTINUOUS",
        opensOn: "2026-01-01",
        closesOn: "2026-06-10",
        envelope: "500 000",
      }),
    });
    await createCall(db, {
      ...actor(),
      call: callInput({ scheme: demo.scheme, year: "2026", opensOn: "2026-09-01", closesOn: "2026-10-31" }),
    });

    const notFiled = await refusal(
      fileDossier(db, storage, { userId: filed.owner.id, dossierId: id, appUrl: APP_URL, now: NOW }),
      DossierError,
    );
    expect(notFiled.message).toContain("Le prochain ouvre le 01/09/2026.");
    const notStarted = await refusal(
      startDossier(db, { userId: filed.owner.id, organisationId, schemeCode: demo.scheme, now: NOW }),
      DossierError,
    );
    expect([notStarted.status, notStarted.message]).toEqual([409, notFiled.message]);
    expect(await filingWindow(db, demo.scheme, NOW)).toEqual({ open: false, message: notFiled.message });

    // Nothing was filed, and no second draft was started.
    const after = await db.dossier.findUniqueOrThrow({ where: { id }, include: { events: true } });
    expect(after).toMatchObject({ status: DossierStatus.DRAFT, number: null, filedAt: null });
    expect(after.events.map((event) => event.toStatus)).toEqual([DossierStatus.DRAFT]);
    expect(await db.dossier.count({ where: { organisationId } })).toBe(2);

    // At midnight on its first day, the autumn call takes the same draft.
    const opening = paris("2026-09-01T00:00");
    expect(await filingWindow(db, demo.scheme, opening)).toEqual({
      open: true,
      message: "Dépôt des dossiers ouvert jusqu’au 31/10/2026.",
    });
    const { number } = await fileDossier(db, storage, {
      userId: filed.owner.id,
      dossierId: id,
      appUrl: APP_URL,
      now: opening,
    });
    expect(number).toMatch(/-2026-\d{5}$/);
  });

  it("adds the envelope's figures up from the dossiers and the Commission's decisions", async () => {
    const { db, storage, instructor, admin } = world;
    const dossiers = [];
    for (const demo of CAP_ASSO_DOSSIERS) dossiers.push(await fileDemo(world, demo));
    const [granted, refused, proposed, waiting] = dossiers;
    const revision = async (id: string) =>
      (await db.dossier.findUniqueOrThrow({ where: { id }, select: { revision: true } })).revision;
    const yearly = { [granted!.id]: 900_000, [refused!.id]: 500_000, [proposed!.id]: 800_000 };
    for (const [id, perYear] of Object.entries(yearly)) {
      await startInstruction(db, {
        actor: instructor,
        dossierId: id,
        revision: await revision(id),
        appUrl: APP_URL,
      });
      await proposeDossier(db, storage, {
        actor: instructor,
        dossierId: id,
        revision: await revision(id),
        favourable: true,
        motivation: "Emploi pérenne, projet solide : avis favorable.",
        proposedAmountCents: perYear * 3,
        yearlyAmountsCents: [perYear, perYear, perYear],
        appUrl: APP_URL,
      });
    }
    const session = await createSession(db, {
      actor: instructor,
      // Today's session: decisions are recorded once the Commission has met.
      date: parisDay(new Date()),
      now: new Date(),
    });
    await addToAgenda(db, {
      actor: instructor,
      sessionId: session.id,
      dossierIds: [granted!.id, refused!.id],
      now: new Date(),
    });
    // The Commission votes less than proposed for one, and refuses the other.
    await recordSessionDecisions(db, storage, {
      actor: admin,
      sessionId: session.id,
      decisions: [
        {
          dossierId: granted!.id,
          outcome: "GRANTED",
          amountCents: 2_100_000,
          yearlyAmountsCents: [700_000, 700_000, 700_000],
          motivation: "",
        },
        {
          dossierId: refused!.id,
          outcome: "REFUSED",
          amountCents: null,
          yearlyAmountsCents: [],
          motivation: "Projet déjà soutenu par ailleurs.",
        },
      ],
      now: new Date(),
      appUrl: APP_URL,
    });
    // A draft asks for nothing yet.
    await startDossier(db, {
      userId: waiting!.owner.id,
      organisationId: (await db.dossier.findUniqueOrThrow({ where: { id: waiting!.id } })).organisationId,
      schemeCode: SchemeCode.CAP_ASSO,
    });

    const { callId } = await db.dossier.findUniqueOrThrow({ where: { id: granted!.id } });
    const [sql] = await db.$queryRaw<Array<Record<string, bigint>>>`
      SELECT
        COALESCE(SUM("requestedAmountCents") FILTER (WHERE "status" <> 'DRAFT'), 0)::bigint AS requested,
        COALESCE(SUM("proposedAmountCents") FILTER (WHERE "status" = 'PROPOSED'), 0)::bigint AS proposed,
        COALESCE(SUM("grantedAmountCents") FILTER (WHERE "status" = 'GRANTED'), 0)::bigint AS voted,
        COUNT(*) FILTER (WHERE "status" = 'DRAFT')::bigint AS drafts
      FROM "Dossier" WHERE "callId" = ${callId}`;
    expect(Number(sql!.drafts)).toBeGreaterThan(0);
    const envelopeCents = 900_000_000;
    const expected = {
      envelopeCents,
      requestedCents: Number(sql!.requested),
      proposedCents: 2_400_000,
      votedCents: 2_100_000,
      remainingCents: envelopeCents - 2_100_000,
      remainingIfProposalsVotedCents: envelopeCents - 2_100_000 - 2_400_000,
    };
    expect([Number(sql!.proposed), Number(sql!.voted)]).toEqual([2_400_000, 2_100_000]);
    const requested = await db.dossier.findMany({
      where: { id: { in: dossiers.map((dossier) => dossier.id) } },
      select: { requestedAmountCents: true },
    });
    expect(expected.requestedCents).toBe(requested.reduce((sum, row) => sum + row.requestedAmountCents!, 0));

    const year = (await db.call.findUniqueOrThrow({ where: { id: callId! } })).year;
    const listed = await listCalls(db, { year, schemeCode: SchemeCode.CAP_ASSO }, new Date());
    expect(listed.find((call) => call.callId === callId)).toMatchObject(expected);
    const detail = await getCall(db, callId!, new Date());
    expect(detail).toMatchObject({ ...expected, state: "OPEN" });
    expect(detail.countsByStatus).toEqual([
      { status: DossierStatus.DRAFT, count: 1 },
      { status: DossierStatus.FILED, count: 1 },
      { status: DossierStatus.PROPOSED, count: 1 },
      { status: DossierStatus.GRANTED, count: 1 },
      { status: DossierStatus.REFUSED, count: 1 },
    ]);
    // The instruction queue and the Commission read the same figures.
    const queue = await loadQueue(db, admin, readQueueFilter(new URLSearchParams(`appel=${callId}`)).filter);
    expect(queue.envelopes).toEqual([expect.objectContaining(expected)]);
    expect(await callEnvelopes(db, [callId!])).toEqual([expect.objectContaining(expected)]);

    // An envelope cut below what was voted shows the overrun in words.
    await updateCall(db, {
      ...actor(),
      callId: callId!,
      call: callInput({
        scheme: "CAP_ASSO",
        year: String(year),
        title: detail.title,
        kind: "CONTINUOUS",
        opensOn: `${year}-01-01`,
        closesOn: `${year}-12-31`,
        envelope: "20 000",
      }),
    });
    const cut = figuresView(await getCall(db, callId!, new Date()));
    expect(cut).toMatchObject({ remaining: `Dépassement de ${formatEuros(100_000)}`, overrun: true });
  });

  it("never lets two calls of one scheme be open at once", async () => {
    const { db } = world;
    const before = await db.call.count();
    // The 2026 continuous call covers the whole year.
    const clash = await refusal(
      createCall(db, { ...actor(), call: callInput({ scheme: "A_VOS_ID", year: "2026" }) }),
      CallError,
    );
    expect(clash.status).toBe(409);
    expect(clash.message).toMatch(
      /^Cette période chevauche celle de l’appel « A VOS ID — dépôt en continu 2026 » \(du 01\/01\/2026 au 31\/12\/2026\)/,
    );
    expect(await db.call.count()).toBe(before);

    await createCall(db, { ...actor(), call: callInput({ scheme: "A_VOS_ID", year: "2099" }) });
    // Sharing the last day of March is sharing the window; the next day is not.
    const sameDay = callInput({
      scheme: "A_VOS_ID",
      year: "2099",
      opensOn: "2099-03-31",
      closesOn: "2099-04-30",
    });
    expect((await refusal(createCall(db, { ...actor(), call: sameDay }), CallError)).status).toBe(409);
    const april = await createCall(db, {
      ...actor(),
      call: callInput({ scheme: "A_VOS_ID", year: "2099", opensOn: "2099-04-01", closesOn: "2099-04-30" }),
    });
    // Another scheme may open at the same time.
    await createCall(db, { ...actor(), call: callInput({ scheme: "CAP_ASSO", year: "2099" }) });
    // Nor may a call be moved onto another's window.
    const moved = await refusal(
      updateCall(db, {
        ...actor(),
        callId: april.id,
        call: callInput({ scheme: "A_VOS_ID", year: "2099", opensOn: "2099-03-15", closesOn: "2099-04-30" }),
      }),
      CallError,
    );
    expect(moved.fieldErrors.opensOn).toContain("Appel A_VOS_ID 2099");
    expect((await db.call.findUniqueOrThrow({ where: { id: april.id } })).opensAt).toEqual(
      paris("2099-04-01"),
    );
    // A call with no closing day meets every later one.
    await createCall(db, {
      ...actor(),
      call: callInput({
        scheme: "A_VOS_ID",
        year: "2099",
        kind: "CONTINUOUS",
        opensOn: "2099-06-01",
        closesOn: "",
      }),
    });
    await refusal(
      createCall(db, {
        ...actor(),
        call: callInput({ scheme: "A_VOS_ID", year: "2099", opensOn: "2099-12-01", closesOn: "2099-12-31" }),
      }),
      CallError,
    );

    // Two administrators creating the same window at once: the scheme's lock lets one through.
    const both = await Promise.allSettled(
      [1, 2].map(() =>
        createCall(db, {
          ...actor(),
          call: callInput({ scheme: "EQUITY_ADVANCE", year: "2098" }),
        }),
      ),
    );
    expect(both.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await db.call.count({ where: { year: 2098 } })).toBe(1);
  });

  it("keeps the scheme and year of a call with dossiers, and the call itself, and audits every change", async () => {
    const { db } = world;
    const withDossiers = await db.call.findFirstOrThrow({
      where: { dossiers: { some: {} }, scheme: { code: SchemeCode.CAP_ASSO } },
      include: { scheme: true },
    });
    const same = {
      scheme: "CAP_ASSO",
      year: String(withDossiers.year),
      title: withDossiers.title,
      kind: withDossiers.kind,
      opensOn: parisDay(withDossiers.opensAt),
      closesOn: withDossiers.closesAt ? parisDay(withDossiers.closesAt) : "",
      envelope: String(Number(withDossiers.budgetEnvelopeCents) / 100),
    } satisfies CallFormValues;
    const stored = await db.call.findUniqueOrThrow({ where: { id: withDossiers.id } });
    const audits = () => db.auditLog.count({ where: { targetId: withDossiers.id } });
    const auditedBefore = await audits();

    const otherScheme = await refusal(
      updateCall(db, {
        ...actor(),
        callId: withDossiers.id,
        call: callInput({ ...same, scheme: "A_VOS_ID", year: "2097" }),
      }),
      CallError,
    );
    expect(otherScheme.status).toBe(409);
    expect(Object.keys(otherScheme.fieldErrors).sort()).toEqual(["scheme", "year"]);
    const deleted = await refusal(deleteCall(db, { ...actor(), callId: withDossiers.id }), CallError);
    expect(deleted.message).toMatch(
      /^\d+ dossiers sont rattachés à cet appel : il ne peut pas être supprimé\./,
    );
    expect(await db.call.findUniqueOrThrow({ where: { id: withDossiers.id } })).toEqual(stored);
    expect(await audits()).toBe(auditedBefore);

    // Its title, window and envelope still change, and the log keeps what changed.
    expect(
      await updateCall(db, {
        ...actor(),
        callId: withDossiers.id,
        call: callInput({ ...same, title: "CAP ASSO — appel révisé", envelope: "12 500 000" }),
      }),
    ).toEqual({ changed: true });
    const log = await db.auditLog.findFirstOrThrow({
      where: { targetId: withDossiers.id, action: AUDIT_ACTIONS.callUpdated },
      orderBy: { createdAt: "desc" },
    });
    expect(log).toMatchObject({ actorId: world.admin.id, targetType: "Call" });
    expect(log.details).toEqual({
      before: { title: withDossiers.title, budgetEnvelopeCents: Number(withDossiers.budgetEnvelopeCents) },
      after: { title: "CAP ASSO — appel révisé", budgetEnvelopeCents: 1_250_000_000 },
    });
    // Saving the form unchanged changes nothing and logs nothing.
    const revised = callInput({ ...same, title: "CAP ASSO — appel révisé", envelope: "12 500 000" });
    expect(await updateCall(db, { ...actor(), callId: withDossiers.id, call: revised })).toEqual({
      changed: false,
    });
    expect(await audits()).toBe(auditedBefore + 1);

    // A call with no dossier moves freely, and goes, each time in the log.
    const spare = await createCall(db, {
      ...actor(),
      call: callInput({ scheme: "CAP_SCOP_SCIC", year: "2096" }),
    });
    expect(
      await db.auditLog.findFirstOrThrow({
        where: { targetId: spare.id, action: AUDIT_ACTIONS.callCreated },
      }),
    ).toMatchObject({
      actorId: world.admin.id,
      details: expect.objectContaining({ year: 2096, kind: CallKind.DATED }),
    });
    await updateCall(db, {
      ...actor(),
      callId: spare.id,
      call: callInput({ scheme: "EQUITY_ADVANCE", year: "2095" }),
    });
    expect(await deleteCall(db, { ...actor(), callId: spare.id })).toEqual({ year: 2095 });
    expect(await db.call.findUnique({ where: { id: spare.id } })).toBeNull();
    const trail = await db.auditLog.findMany({
      where: { targetId: spare.id },
      orderBy: { createdAt: "asc" },
    });
    expect(trail.map((row) => row.action)).toEqual([
      AUDIT_ACTIONS.callCreated,
      AUDIT_ACTIONS.callUpdated,
      AUDIT_ACTIONS.callUpdated,
    ]);
    expect(trail[2]!.details).toMatchObject({ deleted: true, schemeCode: "EQUITY_ADVANCE", year: 2095 });
    expect((await refusal(asServed(deleteCall(db, { ...actor(), callId: spare.id })), Response)).status).toBe(
      404,
    );
  });

  describe("its pages, as a browser calls them", () => {
    type Route = typeof import("~/routes/admin.appels.$id");
    let pages: {
      list: typeof import("~/routes/admin.appels._index");
      create: typeof import("~/routes/admin.appels.nouveau");
      edit: Route;
      scheme: typeof import("~/routes/dispositifs.$slug");
    };
    const cookies: Partial<Record<UserRole, string>> = {};
    let emptyCall: string;
    let fullCall: string;
    const FORM = {
      scheme: "CAP_SCOP_SCIC",
      year: "2090",
      title: "CAP SCOP-SCIC — appel de printemps 2090",
      kind: "DATED",
      opensOn: "2090-03-01",
      closesOn: "2090-03-31",
      envelope: "250 000",
    };

    beforeAll(async () => {
      const { db } = world;
      // The app's modules bind the database when first imported: fresh ones for this engine.
      vi.resetModules();
      globalThis.__database = { db, kind: world.database.kind, close: async () => undefined };
      for (const role of Object.values(UserRole)) {
        const id =
          role === UserRole.ADMIN ? world.admin.id : (await createUser(db, "Dominique", role, role)).id;
        cookies[role] = await cookieOf(db, id);
      }
      pages = {
        list: await import("~/routes/admin.appels._index"),
        create: await import("~/routes/admin.appels.nouveau"),
        edit: await import("~/routes/admin.appels.$id"),
        scheme: await import("~/routes/dispositifs.$slug"),
      };
      emptyCall = (await createCall(db, { ...actor(), call: callFormSchema.parse(FORM) })).id;
      fullCall = (await db.call.findFirstOrThrow({ where: { dossiers: { some: {} } } })).id;
    });
    afterAll(() => {
      globalThis.__database = undefined;
    });

    /** Every page and form, as `cookie` calls them. */
    const everything = (cookie?: string) => {
      const url = `/admin/appels/${emptyCall}`;
      const id = { id: emptyCall };
      return [
        () => pages.list.loader(get("/admin/appels", cookie)),
        () => pages.create.loader(get("/admin/appels/nouveau", cookie)),
        () => pages.edit.loader(get(url, cookie, id)),
        () => pages.create.action(post("/admin/appels/nouveau", { ...FORM, year: "2091" }, cookie)),
        () => pages.edit.action(post(url, { intent: "update", ...FORM, title: "Autre" }, cookie, id)),
        () => pages.edit.action(post(url, { intent: "delete" }, cookie, id)),
      ];
    };
    /** What the pages' forms could change. */
    const state = async () => ({
      calls: await world.db.call.findMany({ orderBy: { id: "asc" } }),
      audits: await world.db.auditLog.count({ where: { action: { startsWith: "admin.call_" } } }),
    });

    it("sends a signed-out visitor to sign in and refuses applicants, instructors and funders", async () => {
      const before = await state();
      for (const call of everything()) {
        const answer = await outcome(call());
        expect(answer.status).toBe(302);
        expect(answer.location).toMatch(/^\/connexion/);
      }
      for (const role of [UserRole.APPLICANT, UserRole.INSTRUCTOR, UserRole.FUNDER]) {
        for (const call of everything(cookies[role])) expect((await outcome(call())).status, role).toBe(403);
      }
      expect(await state()).toEqual(before);
    });

    it("lists a year's calls with their totals, and creates, edits and deletes a call", async () => {
      const admin = cookies.ADMIN;
      const current = await pages.list.loader(get("/admin/appels", admin));
      expect(current.filter.year).toBe(String(parisYear(new Date())));
      const listed = await pages.list.loader(get("/admin/appels?annee=2090&dispositif=cap-scop-scic", admin));
      expect(listed.tables).toEqual([
        expect.objectContaining({
          year: 2090,
          rows: [
            expect.objectContaining({
              id: emptyCall,
              state: "À venir",
              window: "du 01/03/2090 au 31/03/2090",
            }),
          ],
          totals: expect.objectContaining({
            envelope: formatEuros(25_000_000),
            remaining: formatEuros(25_000_000),
          }),
        }),
      ]);

      const created = await outcome(
        pages.create.action(
          post(
            "/admin/appels/nouveau",
            { ...FORM, opensOn: "2090-04-01", closesOn: "", kind: "CONTINUOUS" },
            admin,
          ),
        ),
      );
      expect(created.status).toBe(302);
      const id = /^\/admin\/appels\/([^?]+)\?fait=cree$/.exec(created.location ?? "")![1]!;
      const page = await pages.edit.loader(get(`/admin/appels/${id}?fait=cree`, admin, { id }));
      expect(page.confirmation).toBe("L’appel à projets est créé.");
      expect(page.call).toMatchObject({ window: "à partir du 01/04/2090", kind: "Dépôt en continu" });

      const url = `/admin/appels/${id}`;
      const edited = await outcome(
        pages.edit.action(
          post(url, { intent: "update", ...page.values, envelope: "1 000,50" }, admin, { id }),
        ),
      );
      expect([edited.status, edited.location]).toEqual([302, `${url}?fait=modifie`]);
      expect(Number((await world.db.call.findUniqueOrThrow({ where: { id } })).budgetEnvelopeCents)).toBe(
        100_050,
      );

      const gone = await outcome(pages.edit.action(post(url, { intent: "delete" }, admin, { id })));
      expect([gone.status, gone.location]).toEqual([302, "/admin/appels?annee=2090&fait=supprime"]);
      expect(await world.db.call.findUnique({ where: { id } })).toBeNull();
      const after = await pages.list.loader(get("/admin/appels?annee=2090&fait=supprime", admin));
      expect(after.confirmation).toBe("L’appel à projets est supprimé.");
    });

    it("answers an administrator's bad input in French and changes nothing", async () => {
      const admin = cookies.ADMIN;
      const before = await state();
      const bad = { ...FORM, scheme: "", year: "1999", title: " ", kind: "", envelope: "-5" };
      const refused = await outcome(pages.create.action(post("/admin/appels/nouveau", bad, admin)));
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({
        errors: {
          scheme: "Choisissez le dispositif.",
          year: "L’année doit être comprise entre 2000 et 2100.",
          title: "Donnez un titre à l’appel.",
          kind: "Choisissez le type d’appel.",
          envelope: "Le montant ne peut pas être négatif.",
        },
        values: bad,
      });
      const url = `/admin/appels/${emptyCall}`;
      const id = { id: emptyCall };
      const answers = [
        () => pages.edit.action(post(url, { intent: "update", ...FORM, closesOn: "2090-02-01" }, admin, id)),
        () => pages.edit.action(post(url, { intent: "archive" }, admin, id)),
        () =>
          pages.edit.action({
            request: new Request(`http://localhost:3000${url}`, {
              method: "POST",
              headers: { "Content-Type": "application/json", Cookie: admin! },
              body: "{}",
            }),
            params: id,
            context: {},
          } as unknown as ActionFunctionArgs),
      ];
      for (const answer of answers) expect((await outcome(answer())).status).toBe(400);

      const unknown = { id: "cl0000000000000000000000" };
      const unknownUrl = `/admin/appels/${unknown.id}`;
      for (const answer of [
        () => pages.edit.loader(get(unknownUrl, admin, unknown)),
        () => pages.edit.action(post(unknownUrl, { intent: "update", ...FORM }, admin, unknown)),
        () => pages.edit.action(post(unknownUrl, { intent: "update", ...FORM, year: "" }, admin, unknown)),
        () => pages.edit.action(post(unknownUrl, { intent: "delete" }, admin, unknown)),
      ]) {
        const { status, text } = await outcome(answer());
        expect([status, text]).toEqual([404, "Cet appel à projets est introuvable."]);
      }

      // Conflicts: an overlapping window, the scheme of a call with dossiers, deleting it.
      const overlap = await outcome(pages.create.action(post("/admin/appels/nouveau", FORM, admin)));
      expect(overlap.status).toBe(409);
      expect(overlap.body).toMatchObject({
        errors: { opensOn: expect.stringContaining("chevauche") },
        values: FORM,
      });
      const full = await pages.edit.loader(get(`/admin/appels/${fullCall}`, admin, { id: fullCall }));
      const moved = await outcome(
        pages.edit.action(
          post(`/admin/appels/${fullCall}`, { intent: "update", ...full.values, scheme: "A_VOS_ID" }, admin, {
            id: fullCall,
          }),
        ),
      );
      expect(moved.status).toBe(409);
      expect(moved.body).toMatchObject({
        errors: { scheme: expect.stringContaining("ne peuvent plus changer") },
      });
      const kept = await outcome(
        pages.edit.action(post(`/admin/appels/${fullCall}`, { intent: "delete" }, admin, { id: fullCall })),
      );
      expect(kept.status).toBe(409);
      expect(await state()).toEqual(before);
    });

    it("tells applicants on a scheme's page whether filing is open", async () => {
      const page = await pages.scheme.loader(get("/dispositifs/a-vos-id", undefined, { slug: "a-vos-id" }));
      expect(page.filing).toEqual(await filingWindow(world.db, SchemeCode.A_VOS_ID, new Date()));
      expect(page.filing).toEqual({
        open: true,
        message: `Dépôt des dossiers ouvert jusqu’au 31/12/${parisYear(new Date())}.`,
      });
    });
  });
});
