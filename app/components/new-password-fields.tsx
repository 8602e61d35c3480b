import type { ReactNode } from "react";

import { InputField } from "~/components/form-field";
import { PASSWORD_MIN_LENGTH } from "~/domain/auth-schemas";

/**
 * A new password and its confirmation (`password`, `passwordConfirmation`), as every form that sets a
 * password asks for them; `autoComplete="new-password"` lets password managers offer a strong one.
 */
export function NewPasswordFields({
  errors,
  label,
  confirmationLabel = "Confirmation du mot de passe",
  hint = `Au moins ${PASSWORD_MIN_LENGTH} caractères.`,
}: {
  errors: { password?: string; passwordConfirmation?: string };
  label: string;
  confirmationLabel?: string;
  hint?: ReactNode;
}) {
  return (
    <>
      <InputField
        name="password"
        type="password"
        label={label}
        hint={hint}
        autoComplete="new-password"
        required
        error={errors.password}
      />
      <InputField
        name="passwordConfirmation"
        type="password"
        label={confirmationLabel}
        autoComplete="new-password"
        required
        error={errors.passwordConfirmation}
      />
    </>
  );
}
