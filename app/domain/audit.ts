/** The actions written to the audit log. One source of truth: add new actions here. */
export const AUDIT_ACTIONS = {
  signIn: "auth.sign_in",
  signInFailed: "auth.sign_in_failed",
  signInRateLimited: "auth.sign_in_rate_limited",
  signOut: "auth.sign_out",
  signOutEverywhere: "auth.sign_out_everywhere",
  signUp: "auth.sign_up",
  emailVerified: "auth.email_verified",
  passwordResetRequested: "auth.password_reset_requested",
  passwordReset: "auth.password_reset",
  passwordChanged: "auth.password_changed",
  organisationCreated: "organisation.created",
  organisationUpdated: "organisation.updated",
  memberInvited: "organisation.member_invited",
  memberJoined: "organisation.member_joined",
  memberRemoved: "organisation.member_removed",
  queueExported: "instruction.queue_exported",
  funderDossierViewed: "funders.dossier_viewed",
  funderPipelineExported: "funders.pipeline_exported",
} as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[keyof typeof AUDIT_ACTIONS];
