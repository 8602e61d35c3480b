// Said on the sign-in and sign-up pages when another page sent the person there.

/** Why the page asks to sign in: the person was on their way somewhere that needs an account. */
export function SignInReason({ redirectTo }: { redirectTo: string }) {
  const preparing = redirectTo.startsWith("/dossiers/nouveau");
  const withAnswers = /[?&](organisation|project)\./.test(redirectTo);
  return (
    <p className="notice notice--info">
      {preparing
        ? `Pour préparer un dossier, connectez-vous ou créez un compte : il sert à déclarer votre organisation, à enregistrer le dossier et à le suivre.${withAnswers ? " Les réponses données au questionnaire d’éligibilité seront reprises." : ""}`
        : "Cette page est réservée aux personnes connectées : connectez-vous ou créez un compte pour continuer."}
    </p>
  );
}
