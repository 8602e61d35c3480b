// The equity advances of the demo after their payment, one at each stage, written by the portal's own
// services in the seed's transaction so that every PDF exists: the schedule from the payment date
// (startAdvanceSchedule), repayments allocated oldest first (writeRepayment), an early repayment recomputing
// the rest, a rescheduling granted by amendment (grantRescheduling), the formal reminder's letter
// (writeReminderLetter) and the final statement (writeRepaymentCertificate). Dates count back from `now`, so
// that « just paid », « on time » and « late » stay true whenever the demo is seeded. No email is sent.
import { formatEuros } from "../../app/domain/format";
import { addParisDays, addParisMonths, parisDay } from "../../app/domain/paris-time";
import { EVIDENCE_KIND } from "../../app/domain/post-grant/repayments";
import { DossierEventKind, DossierStatus } from "../../app/generated/prisma/enums";
import {
  lockAdvance,
  startAdvanceSchedule,
  standingOf,
  type Advance,
} from "../../app/services/post-grant/advance.server";
import { writeReminderLetter } from "../../app/services/post-grant/advance-reminders.server";
import {
  writeRepayment,
  writeRepaymentCertificate,
} from "../../app/services/post-grant/advance-repayments.server";
import { grantRescheduling } from "../../app/services/post-grant/advance-amendment.server";
import { recordFollowUp } from "../../app/services/post-grant/follow-up.server";
import { paris } from "../paris-time";

import type { DemoDossier } from "./dossier-writer";
import type { PostGrantLife } from "./post-grant";
import {
  ADVANCE_EARLY,
  ADVANCE_JUST_PAID,
  ADVANCE_LATE,
  ADVANCE_ON_TIME,
  ADVANCE_REPAID,
  ADVANCE_RESCHEDULED,
} from "./post-grant-dossiers";

const ASSOCIATION_IP = "192.0.2.41";

/**
 * Noon in Paris (the time of day the portal gives a typed date), `days` then `months` from `now`: an
 * instalment `months` after a payment made `months` and `days` ago falls `days` ago.
 */
function dayFrom(now: Date, months: number, days = 0): Date {
  return paris(`${parisDay(addParisMonths(addParisDays(now, days), months))}T12:00`);
}

/** One advance's life after its payment. */
class AdvanceLife {
  constructor(
    private readonly life: PostGrantLife,
    private readonly now: Date,
  ) {}

  private get tx() {
    return this.life.tx;
  }

  private get id() {
    return this.life.dossier.id;
  }

  /** Accepted, asked, approved and paid; its first schedule counted from the payment date. */
  async paid(monthsAgo: number, daysAgo: number, mandate: string): Promise<Date> {
    const paidOn = dayFrom(this.now, -monthsAgo, -daysAgo);
    await this.life.accept(addParisDays(paidOn, -22), addParisDays(paidOn, -20));
    await this.life.paidInFull(1, addParisDays(paidOn, -15), mandate);
    const dossier = await this.tx.dossier.findUniqueOrThrow({
      where: { id: this.id },
      include: { ruleSet: true, payments: { where: { position: 1 } } },
    });
    const payment = dossier.payments[0]!;
    // paidInFull records the payment at midnight; the portal's form records the day typed at noon.
    await this.tx.payment.update({ where: { id: payment.id }, data: { paidOn } });
    await startAdvanceSchedule(this.tx, {
      storage: this.life.storage,
      written: [],
      dossierId: this.id,
      ruleSetParameters: dossier.ruleSet.parameters,
      amountCents: payment.paidAmountCents!,
      paidOn,
      actorId: this.life.user("instructor"),
      now: paidOn,
    });
    return paidOn;
  }

  async outstanding(at: Date): Promise<number> {
    return standingOf(await lockAdvance(this.tx, this.id), at).outstandingCents;
  }

  private async schedule() {
    return (await lockAdvance(this.tx, this.id)).current.instalments;
  }

  /** The instructor records the instalments `positions` of the schedule in force, each a few days early. */
  async repaidOnTime(positions: number[], prefix: string): Promise<void> {
    let advance = await lockAdvance(this.tx, this.id);
    for (const position of positions) {
      const instalment = advance.current.instalments.find((item) => item.position === position)!;
      const receivedOn = addParisDays(instalment.dueDate, -3);
      ({ after: advance } = await this.repay(
        receivedOn,
        instalment.amountCents,
        `${prefix}-${position}`,
        false,
        advance,
      ));
    }
  }

  /** A repayment received (by the instructor) or declared ahead of schedule (by the association). */
  async repay(receivedOn: Date, cents: number, reference: string, early: boolean, advance?: Advance) {
    return writeRepayment(this.tx, this.life.storage, [], {
      advance: advance ?? (await lockAdvance(this.tx, this.id)),
      receivedOn,
      cents,
      reference,
      early,
      actorId: this.life.user(early ? "applicantCooperative" : "instructor"),
      ip: early ? ASSOCIATION_IP : null,
      now: early ? receivedOn : addParisDays(receivedOn, 2),
    });
  }

  /** The periodic job's reminders of an unpaid instalment: before, on the day, and the letter at +30. */
  async reminded(position: number): Promise<void> {
    const instalment = (await this.schedule()).find((item) => item.position === position)!;
    const formalAt = addParisDays(instalment.dueDate, 30);
    await this.tx.advanceReminder.createMany({
      data: [
        { instalmentId: instalment.id, kind: "BEFORE", sentAt: addParisDays(instalment.dueDate, -15) },
        { instalmentId: instalment.id, kind: "ON_DAY", sentAt: instalment.dueDate },
        { instalmentId: instalment.id, kind: "FORMAL", sentAt: formalAt },
      ],
    });
    const advance = await lockAdvance(this.tx, this.id);
    const late = standingOf(advance, formalAt).position.instalments.find(
      (item) => item.position === position,
    )!;
    await writeReminderLetter(this.tx, this.life.storage, [], { advance, instalment: late, now: formalAt });
    await recordFollowUp(this.tx, {
      dossierId: this.id,
      actorId: null,
      action: "post_grant.advance_reminder_sent",
      reason: `Relance envoyée\u00a0: échéance n°\u00a0${position} impayée depuis plus de 30\u00a0jours`,
      target: { type: "Dossier", id: this.id },
      details: { position, kind: "FORMAL" },
      now: formalAt,
    });
  }

  /** The association asks for a new schedule with the EU paying agency's letter; the instructor grants it. */
  async rescheduled(
    askedAt: Date,
    grantedAt: Date,
    terms: { reason: string; firstDueDate: Date; frequencyMonths: number; count: number },
  ): Promise<void> {
    const requestedById = this.life.user("applicantCooperative");
    const request = await this.tx.advanceRescheduling.create({
      data: { dossierId: this.id, ...terms, requestedById, requestedAt: askedAt },
    });
    await this.life.pieces(
      askedAt,
      [{ kind: EVIDENCE_KIND, label: "Courrier de l’autorité de gestion : report du versement européen" }],
      { reschedulingId: request.id },
    );
    await recordFollowUp(this.tx, {
      dossierId: this.id,
      actorId: requestedById,
      action: "post_grant.advance_rescheduling_requested",
      reason: `Rééchelonnement demandé\u00a0: ${terms.count} échéance(s) — ${terms.reason}`,
      target: { type: "Dossier", id: this.id },
      details: { reschedulingId: request.id },
      ip: ASSOCIATION_IP,
      now: askedAt,
    });
    const advance = await lockAdvance(this.tx, this.id);
    await grantRescheduling(this.tx, this.life.storage, [], {
      advance,
      request: advance.reschedulings.find((item) => item.id === request.id)!,
      actorId: this.life.user("instructor"),
      note: "Report du versement européen attesté par l’autorité de gestion.",
      now: grantedAt,
    });
  }

  /** Nothing left to repay: the final statement, and the dossier closed as repaid (SETTLE). */
  async closed(at: Date): Promise<void> {
    const advance = await lockAdvance(this.tx, this.id);
    if (standingOf(advance, at).outstandingCents !== 0)
      throw new Error("Demo seed: the advance is not repaid");
    const instructor = this.life.user("instructor");
    await writeRepaymentCertificate(this.tx, this.life.storage, [], {
      advance,
      actorId: instructor,
      now: at,
    });
    await this.tx.dossier.update({
      where: { id: this.id },
      data: { status: DossierStatus.SETTLED, settledAt: at, revision: { increment: 1 } },
    });
    await this.tx.dossierEvent.create({
      data: {
        dossierId: this.id,
        kind: DossierEventKind.STATUS_CHANGE,
        fromStatus: DossierStatus.GRANTED,
        toStatus: DossierStatus.SETTLED,
        actorId: instructor,
        reason: "Avance intégralement remboursée",
        createdAt: at,
      },
    });
    await recordFollowUp(this.tx, {
      dossierId: this.id,
      actorId: instructor,
      action: "post_grant.advance_repaid",
      reason: `Avance intégralement remboursée\u00a0: ${formatEuros(advance.advanceCents)}`,
      target: { type: "Dossier", id: this.id },
      details: { amountCents: advance.advanceCents },
      now: at,
    });
  }
}

type AdvanceStage = (advance: AdvanceLife, now: Date) => Promise<void>;

const ADVANCE_STAGES: Array<[DemoDossier, AdvanceStage]> = [
  // Paid twelve days ago: the first repayment is due in a year.
  [ADVANCE_JUST_PAID, (advance) => advance.paid(0, 12, "MDT-2026-018204").then(() => undefined)],
  // Three instalments repaid, each a few days early; the fourth is due in about two months.
  [
    ADVANCE_ON_TIME,
    async (advance) => {
      await advance.paid(19, 5, "MDT-2025-008137");
      await advance.repaidOnTime([1, 2, 3], "TR-TREMPLIN");
    },
  ],
  // The first instalment repaid, the second unpaid for 40 days: reminded, with the formal letter at +30.
  [
    ADVANCE_LATE,
    async (advance) => {
      await advance.paid(15, 40, "MDT-2025-011902");
      await advance.repaidOnTime([1], "TR-RECYCLERIE");
      await advance.reminded(2);
    },
  ],
  // The EU payment slipped by a year: rescheduled by amendment before the first instalment fell due.
  [
    ADVANCE_RESCHEDULED,
    async (advance, now) => {
      await advance.paid(14, 0, "MDT-2025-015560");
      await advance.rescheduled(dayFrom(now, -2, -25), dayFrom(now, -2, -12), {
        reason:
          "L’autorité de gestion du FEDER a reporté le versement du premier acompte européen après un contrôle de service fait.",
        firstDueDate: dayFrom(now, 4),
        frequencyMonths: 3,
        count: 10,
      });
    },
  ],
  // One instalment repaid, then 10 000 € ahead of schedule when the EU grant came early: the rest recomputed.
  [
    ADVANCE_EARLY,
    async (advance, now) => {
      await advance.paid(16, 0, "MDT-2025-013318");
      await advance.repaidOnTime([1], "TR-TRETEAUX");
      await advance.repay(dayFrom(now, -1, -10), 1_000_000, "VIR-LEADER-ANTICIPE", true);
    },
  ],
  // Four instalments repaid, then the whole rest once the EU grant came: the final statement, closed.
  [
    ADVANCE_REPAID,
    async (advance, now) => {
      await advance.paid(26, 0, "MDT-2024-023077");
      await advance.repaidOnTime([1, 2, 3, 4], "TR-SPORTSANTE");
      const at = dayFrom(now, -3);
      await advance.repay(at, await advance.outstanding(at), "TR-SPORTSANTE-SOLDE", false);
      await advance.closed(addParisDays(at, 2));
    },
  ],
];

/** Writes the advances' lives after their payment; call it once the demo dossiers are written. */
export async function seedDemoAdvances(
  lifeOf: (demo: DemoDossier) => Promise<PostGrantLife>,
  now: Date,
): Promise<void> {
  for (const [demo, stage] of ADVANCE_STAGES) await stage(new AdvanceLife(await lifeOf(demo), now), now);
}
