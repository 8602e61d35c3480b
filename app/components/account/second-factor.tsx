// The second factor's pieces: enrolling an authenticator, typing a code, and the recovery codes shown once.
import { Form, Link } from "@remix-run/react";

import { ErrorSummary } from "~/components/error-summary";
import { InputField } from "~/components/form-field";

const CODE_LABEL = "Code à six chiffres";

/** The QR code and the secret in text, then the first code that proves the app is set. */
export function EnrolmentForm({
  qrCode,
  secretGroups,
  errors,
}: {
  qrCode: string;
  secretGroups: string;
  errors: Record<string, string>;
}) {
  return (
    <>
      <ol>
        <li>
          Ouvrez une application d’authentification (FreeOTP, Aegis, Google Authenticator, Microsoft
          Authenticator…) et ajoutez un compte en scannant ce QR code&#8239;:
          <p>
            <img src={qrCode} alt="QR code à scanner avec votre application" width={180} height={180} />
          </p>
          ou en saisissant cette clé&#8239;: <code className="secret-key">{secretGroups}</code>
        </li>
        <li>Saisissez ci-dessous le code à six chiffres que l’application affiche.</li>
      </ol>
      <ErrorSummary errors={errors} labels={{ code: CODE_LABEL }} />
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="enrol" />
        <InputField
          name="code"
          label={CODE_LABEL}
          inputMode="numeric"
          autoComplete="one-time-code"
          required
          error={errors.code}
        />
        <button type="submit" className="button">
          Activer la double authentification
        </button>
      </Form>
    </>
  );
}

/** The sign-in's second step: the app's code, or one of the recovery codes. */
export function CodeForm({ errors }: { errors: Record<string, string> }) {
  const label = "Code de vérification";
  return (
    <>
      <ErrorSummary errors={errors} labels={{ code: label }} />
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="code" />
        <InputField
          name="code"
          label={label}
          hint="Les six chiffres affichés par votre application d’authentification, ou l’un de vos codes de secours."
          autoComplete="one-time-code"
          required
          error={errors.code}
        />
        <button type="submit" className="button">
          Valider
        </button>
      </Form>
    </>
  );
}

/** Shown once, right after the enrolment: only their hashes are kept. */
export function RecoveryCodes({ codes, continueTo }: { codes: string[]; continueTo: string }) {
  return (
    <>
      <p className="notice notice--success" role="status">
        La double authentification est activée.
      </p>
      <h2>Vos codes de secours</h2>
      <p>
        Chacun de ces codes remplace une fois le code de l’application, si vous perdez votre téléphone.
        Notez-les ou imprimez-les maintenant et gardez-les en lieu sûr&#8239;: ils ne seront plus affichés.
      </p>
      <ul className="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <p>
        <Link to={continueTo} className="button">
          J’ai noté mes codes, continuer
        </Link>
      </p>
    </>
  );
}
