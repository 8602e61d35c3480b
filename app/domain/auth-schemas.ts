import { z } from "zod";

export const PASSWORD_MIN_LENGTH = 12;

export const emailSchema = z
  .string({ error: "Saisissez votre adresse e-mail." })
  .trim()
  .min(1, "Saisissez votre adresse e-mail.")
  .max(254, "L’adresse e-mail est trop longue.")
  .pipe(z.email("Saisissez une adresse e-mail valide, par exemple nom@exemple.fr."))
  .transform((email) => email.toLowerCase());

export const newPasswordSchema = z
  .string({ error: "Choisissez un mot de passe." })
  .min(PASSWORD_MIN_LENGTH, `Le mot de passe doit comporter au moins ${PASSWORD_MIN_LENGTH} caractères.`)
  .max(200, "Le mot de passe doit comporter au plus 200 caractères.");

const name = (label: string) =>
  z
    .string({ error: `Saisissez votre ${label}.` })
    .trim()
    .min(1, `Saisissez votre ${label}.`)
    .max(100, `Votre ${label} doit comporter au plus 100 caractères.`);

const passwords = { password: newPasswordSchema, passwordConfirmation: z.string().default("") };
const passwordsMatch: [
  (value: { password: string; passwordConfirmation: string }) => boolean,
  { path: string[]; message: string },
] = [
  (value) => value.password === value.passwordConfirmation,
  { path: ["passwordConfirmation"], message: "Les deux mots de passe ne sont pas identiques." },
];

export const signUpSchema = z
  .object({ firstName: name("prénom"), lastName: name("nom"), email: emailSchema, ...passwords })
  .refine(...passwordsMatch);

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string({ error: "Saisissez votre mot de passe." }).min(1, "Saisissez votre mot de passe."),
  redirectTo: z.string().optional(),
});

export const forgotPasswordSchema = z.object({ email: emailSchema });

export const resetPasswordSchema = z.object(passwords).refine(...passwordsMatch);

export const changePasswordSchema = z
  .object({ currentPassword: z.string().min(1, "Saisissez votre mot de passe actuel."), ...passwords })
  .refine(...passwordsMatch);
