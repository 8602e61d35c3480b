// French identifiers the portal checks: SIRET/SIREN (Luhn), RNA, postcodes and departments, IBAN (mod 97).
import { z } from "zod";

import { REGION_DEPARTMENT_CODES } from "~/domain/schemes/common";

/** Removes the spaces (ordinary, no-break, narrow) people type or paste inside identifiers. */
export const compact = (value: string) => value.replace(/[\s\u00a0\u202f.-]/g, "");

export function isLuhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

// La Poste's establishments share one SIREN and follow another rule: the digit sum is a multiple of 5.
const LA_POSTE_SIREN = "356000000";

export function isValidSiren(value: string): boolean {
  const siren = compact(value);
  return /^\d{9}$/.test(siren) && isLuhnValid(siren);
}

export function isValidSiret(value: string): boolean {
  const siret = compact(value);
  if (!/^\d{14}$/.test(siret)) return false;
  if (siret.startsWith(LA_POSTE_SIREN)) {
    const sum = [...siret].reduce((total, digit) => total + Number(digit), 0);
    return sum % 5 === 0;
  }
  return isLuhnValid(siret);
}

export const sirenOf = (siret: string) => compact(siret).slice(0, 9);

export const siretSchema = z
  .string({ error: "Saisissez le numéro SIRET." })
  .transform(compact)
  .refine((value) => /^\d{14}$/.test(value), { error: "Le numéro SIRET doit comporter 14 chiffres." })
  .refine(isValidSiret, { error: "Le numéro SIRET n’est pas valide : vérifiez les chiffres saisis." });

export const rnaSchema = z
  .string({ error: "Saisissez le numéro RNA." })
  .transform((value) => compact(value).toUpperCase())
  .refine((value) => /^W\d{9}$/.test(value), { error: "Le numéro RNA commence par W suivi de 9 chiffres." });

/** The department of a French postcode (2A/2B for Corsica, 971–976 overseas), or null if not a postcode. */
export function departmentFromPostcode(value: string): string | null {
  const postcode = compact(value);
  if (!/^\d{5}$/.test(postcode) || postcode.startsWith("00")) return null;
  if (postcode.startsWith("97") || postcode.startsWith("98")) return postcode.slice(0, 3);
  if (postcode.startsWith("20")) return Number(postcode) < 20200 ? "2A" : "2B";
  return postcode.slice(0, 2);
}

export const postcodeSchema = z
  .string({ error: "Saisissez le code postal." })
  .transform(compact)
  .refine((value) => departmentFromPostcode(value) !== null, {
    error: "Le code postal doit comporter 5 chiffres.",
  });

export const REGION_DEPARTMENTS: Record<(typeof REGION_DEPARTMENT_CODES)[number], string> = {
  "18": "Cher",
  "28": "Eure-et-Loir",
  "36": "Indre",
  "37": "Indre-et-Loire",
  "41": "Loir-et-Cher",
  "45": "Loiret",
};

export function isRegionDepartment(code: string | null | undefined): boolean {
  return typeof code === "string" && (REGION_DEPARTMENT_CODES as readonly string[]).includes(code);
}

export function isValidIban(value: string): boolean {
  const iban = compact(value).toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  if (iban.startsWith("FR") && iban.length !== 27) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const digits = /\d/.test(char) ? char : String(char.charCodeAt(0) - 55);
    for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

export const ibanSchema = z
  .string({ error: "Saisissez l’IBAN." })
  .transform((value) => compact(value).toUpperCase())
  .refine(isValidIban, { error: "L’IBAN n’est pas valide : vérifiez les caractères saisis." });
