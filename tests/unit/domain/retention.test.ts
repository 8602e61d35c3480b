// Retention rules: when a finished dossier's clock starts, when its organisation is warned and when it may
// be purged (never without the full notice period), the admin's settings, and what of the answers survives.
import { describe, expect, it } from "vitest";

import { dossierSteps, type FormContext } from "~/domain/dossier-forms";
import { addParisDays, paris } from "~/domain/paris-time";
import {
  effectivePurgeOn,
  isNoticeDue,
  isPurgeDue,
  lastFollowUpAt,
  purgedAnswers,
  purgedFileMessage,
  retentionSchedule,
  retentionSettingsSchema,
  type RetentionFacts,
} from "~/domain/retention";
import { defaultRuleSetParameters } from "~/domain/schemes";
import { DossierStatus, RecoveryStatus, ReportStatus, SchemeCode } from "~/generated/prisma/enums";

import { COOPERATIVE_AND_ADVANCE_DOSSIERS } from "../../../seeds/demo/dossiers-cooperatives-and-advances";

const SETTINGS = { retentionMonths: 60, purgeNoticeDays: 30 };

const refused = (decidedAt: Date, extra: Partial<RetentionFacts> = {}): RetentionFacts => ({
  status: DossierStatus.REFUSED,
  decidedAt,
  closedAt: null,
  settledAt: null,
  lastInstalmentDueAt: null,
  lastFollowUpAt: null,
  purgeNoticeSentAt: null,
  purgedAt: null,
  ...extra,
});

describe("retentionSchedule", () => {
  it("starts the clock at the decision and counts the months on the Paris calendar", () => {
    const schedule = retentionSchedule(refused(paris("2021-04-15T10:00")), SETTINGS);
    expect(schedule).toEqual({
      startsAt: paris("2021-04-15T10:00"),
      purgeOn: paris("2026-04-15T10:00"),
      // 30 calendar days earlier, same wall-clock time although the clocks change in between (29 March).
      noticeOn: paris("2026-03-16T10:00"),
    });
  });

  it("keeps the end of a month when the target month is shorter", () => {
    const schedule = retentionSchedule(refused(paris("2020-02-29T09:00")), {
      ...SETTINGS,
      retentionMonths: 12,
    });
    expect(schedule?.purgeOn).toEqual(paris("2021-02-28T09:00"));
  });

  it("counts a closed dossier from its closing, and the later of two dates when it has both", () => {
    const closed: RetentionFacts = {
      ...refused(paris("2000-01-01")),
      status: DossierStatus.CLOSED,
      decidedAt: null,
    };
    expect(retentionSchedule({ ...closed, closedAt: paris("2022-01-10T12:00") }, SETTINGS)?.startsAt).toEqual(
      paris("2022-01-10T12:00"),
    );
    expect(
      retentionSchedule(
        { ...closed, decidedAt: paris("2022-01-10T12:00"), closedAt: paris("2022-06-01T12:00") },
        SETTINGS,
      )?.startsAt,
    ).toEqual(paris("2022-06-01T12:00"));
  });

  it("waits for the last payment or repayment: an advance still being repaid is never purged", () => {
    const granted: RetentionFacts = {
      ...refused(paris("2020-01-10T10:00")),
      status: DossierStatus.GRANTED,
      lastInstalmentDueAt: paris("2027-03-31T00:00"),
    };
    expect(retentionSchedule(granted, SETTINGS)?.purgeOn).toEqual(paris("2032-03-31T00:00"));
    const now = paris("2026-06-01T10:00");
    expect(isNoticeDue(granted, SETTINGS, now)).toBe(false);
    expect(isPurgeDue({ ...granted, purgeNoticeSentAt: paris("2025-01-01") }, SETTINGS, now)).toBe(false);
  });

  it("counts a granted dossier from its last payment or report, whichever is latest, not from the decision", () => {
    const followUp = lastFollowUpAt({
      payments: [{ paidOn: paris("2023-02-01T10:00") }, { paidOn: null }],
      reports: [
        {
          status: ReportStatus.APPROVED,
          dueDate: paris("2023-06-30T00:00"),
          submittedAt: paris("2023-05-02T10:00"),
          approvedAt: paris("2023-05-20T10:00"),
        },
      ],
      recoveries: [],
    });
    expect(followUp).toEqual(paris("2023-05-20T10:00"));
    const settled: RetentionFacts = {
      ...refused(paris("2021-01-10T10:00")),
      status: DossierStatus.SETTLED,
      settledAt: paris("2023-03-01T10:00"),
      lastFollowUpAt: followUp,
    };
    expect(retentionSchedule(settled, SETTINGS)?.startsAt).toEqual(paris("2023-05-20T10:00"));
    // A report never sent counts from its due date; an amount still to repay, from its due date.
    expect(
      lastFollowUpAt({
        payments: [{ paidOn: paris("2023-02-01T10:00") }],
        reports: [
          {
            status: ReportStatus.DUE,
            dueDate: paris("2024-06-30T00:00"),
            submittedAt: null,
            approvedAt: null,
          },
        ],
        recoveries: [
          {
            status: RecoveryStatus.ISSUED,
            decidedAt: paris("2024-01-05T10:00"),
            dueDate: paris("2024-09-05T00:00"),
            settledAt: null,
          },
        ],
      }),
    ).toEqual(paris("2024-09-05T00:00"));
  });

  it("gives no date to a dossier that is not finished", () => {
    for (const status of [DossierStatus.DRAFT, DossierStatus.FILED, DossierStatus.PROPOSED]) {
      const facts = { ...refused(paris("2015-01-01")), status };
      expect(retentionSchedule(facts, SETTINGS)).toBeNull();
      expect(isNoticeDue(facts, SETTINGS, paris("2026-01-01"))).toBe(false);
    }
  });
});

describe("notice and purge", () => {
  const decided = paris("2021-04-15T10:00");
  const noticeDay = paris("2026-03-16T10:00");

  it("is due for a notice from the notice date, once", () => {
    expect(isNoticeDue(refused(decided), SETTINGS, addParisDays(noticeDay, -1))).toBe(false);
    expect(isNoticeDue(refused(decided), SETTINGS, noticeDay)).toBe(true);
    expect(isNoticeDue(refused(decided, { purgeNoticeSentAt: noticeDay }), SETTINGS, noticeDay)).toBe(false);
  });

  it("warns again a dossier reopened and finished again after its first notice", () => {
    const reclosed = refused(paris("2021-09-01T10:00"), { purgeNoticeSentAt: paris("2021-08-01T10:00") });
    expect(isNoticeDue(reclosed, SETTINGS, paris("2026-08-10T10:00"))).toBe(true);
  });

  it("purges only after the purge date and the full notice period since the notice went out", () => {
    const warned = refused(decided, { purgeNoticeSentAt: noticeDay });
    expect(isPurgeDue(refused(decided), SETTINGS, paris("2030-01-01"))).toBe(false);
    expect(isPurgeDue(warned, SETTINGS, paris("2026-04-15T09:59"))).toBe(false);
    expect(isPurgeDue(warned, SETTINGS, paris("2026-04-15T10:00"))).toBe(true);
    expect(
      isPurgeDue({ ...warned, purgedAt: paris("2026-04-15T10:00") }, SETTINGS, paris("2027-01-01")),
    ).toBe(false);
  });

  it("never purges without notice when the period is shortened: the notice period still runs", () => {
    const shortened = { ...SETTINGS, retentionMonths: 24 };
    const lateNotice = paris("2026-05-04T08:00");
    const warned = refused(decided, { purgeNoticeSentAt: lateNotice });
    expect(isPurgeDue(warned, shortened, paris("2026-05-20T08:00"))).toBe(false);
    expect(isPurgeDue(warned, shortened, paris("2026-06-03T08:00"))).toBe(true);
    expect(effectivePurgeOn(warned, shortened, lateNotice)).toEqual(paris("2026-06-03T08:00"));
    // Not warned yet: the purge waits for a notice sent now, plus the period.
    expect(effectivePurgeOn(refused(decided), shortened, lateNotice)).toEqual(paris("2026-06-03T08:00"));
  });
});

describe("the settings form", () => {
  it("accepts whole numbers within the bounds, spaces around them included", () => {
    expect(retentionSettingsSchema.parse({ retentionMonths: " 120 ", purgeNoticeDays: "7" })).toEqual({
      retentionMonths: 120,
      purgeNoticeDays: 7,
    });
    expect(retentionSettingsSchema.safeParse({ retentionMonths: "12", purgeNoticeDays: "180" }).success).toBe(
      true,
    );
    expect(retentionSettingsSchema.safeParse({ retentionMonths: "240", purgeNoticeDays: "30" }).success).toBe(
      true,
    );
  });

  it.each([
    [
      { retentionMonths: "11", purgeNoticeDays: "30" },
      "retentionMonths",
      "La durée de conservation doit être comprise entre 12 et 240 mois.",
    ],
    [
      { retentionMonths: "241", purgeNoticeDays: "30" },
      "retentionMonths",
      "La durée de conservation doit être comprise entre 12 et 240 mois.",
    ],
    [
      { retentionMonths: "60", purgeNoticeDays: "6" },
      "purgeNoticeDays",
      "Le délai de prévenance doit être compris entre 7 et 180 jours.",
    ],
    [
      { retentionMonths: "60", purgeNoticeDays: "181" },
      "purgeNoticeDays",
      "Le délai de prévenance doit être compris entre 7 et 180 jours.",
    ],
    [
      { retentionMonths: "", purgeNoticeDays: "30" },
      "retentionMonths",
      "Indiquez la durée de conservation, en mois.",
    ],
    [
      { retentionMonths: "60", purgeNoticeDays: undefined },
      "purgeNoticeDays",
      "Indiquez le délai de prévenance, en jours.",
    ],
    [
      { retentionMonths: "5 ans", purgeNoticeDays: "30" },
      "retentionMonths",
      "Indiquez un nombre entier, en chiffres (par exemple 24).",
    ],
    [
      { retentionMonths: "60,5", purgeNoticeDays: "30" },
      "retentionMonths",
      "Indiquez un nombre entier, en chiffres (par exemple 24).",
    ],
  ])("refuses %o with a French message next to the field", (values, field, message) => {
    const parsed = retentionSettingsSchema.safeParse(values);
    expect(parsed.success).toBe(false);
    const issue = parsed.error!.issues.find((candidate) => candidate.path[0] === field);
    expect(issue?.message).toBe(message);
  });
});

describe("purgedAnswers", () => {
  const context: FormContext<"CAP_SCOP_SCIC"> = {
    parameters: defaultRuleSetParameters(SchemeCode.CAP_SCOP_SCIC),
    territories: [],
  };
  const demo = COOPERATIVE_AND_ADVANCE_DOSSIERS.find(
    (dossier) => dossier.scheme === SchemeCode.CAP_SCOP_SCIC,
  )!;
  const kept = purgedAnswers(dossierSteps(SchemeCode.CAP_SCOP_SCIC, context), {
    ...demo.answers,
    strayKey: "Une clé qu’aucune étape ne demande",
  });

  it("keeps the title, the choices, the amounts and the dates", () => {
    expect(kept).toMatchObject({
      title: demo.answers.title,
      operationType: "TAKEOVER",
      cooperativeForm: "SCOP",
      registrationDate: "2027-01-11",
      urscopSupport: "oui",
    });
  });

  it("drops free text, people's names and whatever no step asks for", () => {
    const text = JSON.stringify(kept);
    for (const gone of [
      "Olivier",
      "Perrin",
      "Mathilde Fabre",
      "Le cédant part à la retraite",
      "Fabrication",
      "strayKey",
      "Menuiseries du Vendômois SCOP",
    ])
      expect(text).not.toContain(gone);
  });

  it("keeps each employee-associate's contribution without their name, and each budget line's amount", () => {
    const associates = kept.employeeAssociates as Array<Record<string, string>>;
    expect(associates).toHaveLength(14);
    expect(associates[0]).toEqual({ contribution: "8 000" });
    expect(kept.expenses).toEqual([
      { category: "INVESTMENT", amount: "180 000" },
      { category: "OPERATING", amount: "40 000" },
    ]);
  });
});

it("says when a purged piece was deleted, in French", () => {
  expect(purgedFileMessage(paris("2026-03-15T10:00"))).toBe(
    "Cette pièce a été supprimée le 15/03/2026 au terme de la durée de conservation.",
  );
});
