// How Region staff receive the portal's notifications, as they read the choice on their account page.
import { NotificationMode } from "~/generated/prisma/enums";

export const NOTIFICATION_MODE_OPTIONS: ReadonlyArray<{
  value: NotificationMode;
  label: string;
  hint: string;
}> = [
  {
    value: NotificationMode.IMMEDIATE,
    label: "Un e-mail à chaque événement",
    hint: "Dossier confié, correction reçue, message d’un porteur de projet : vous êtes prévenu·e aussitôt.",
  },
  {
    value: NotificationMode.DAILY_DIGEST,
    label: "Un récapitulatif par jour",
    hint: "Un seul e-mail chaque matin, qui liste les événements de la veille avec leurs liens.",
  },
  {
    value: NotificationMode.NONE,
    label: "Aucun e-mail",
    hint: "Vous suivez vos dossiers sur le portail (file d’instruction, suivi après l’octroi) ; aucun e-mail de notification ne vous est envoyé.",
  },
];

export function isNotificationMode(value: unknown): value is NotificationMode {
  return NOTIFICATION_MODE_OPTIONS.some((option) => option.value === value);
}

/** Only Region staff choose: applicants and funders get the emails that concern them, one at a time. */
export function choosesNotificationMode(role: string): boolean {
  return role === "INSTRUCTOR" || role === "ADMIN";
}
