// Demo identifiers must pass the portal’s own checks (app/domain/identifiers.ts), so they are computed
// rather than typed: these build the check keys those functions verify.

/** The digit that makes `digits + key` pass the Luhn check (used by SIREN and SIRET). */
export function luhnKey(digits: string): string {
  let sum = 0;
  // Walking from the right, the key will sit at an odd position: double the digits that will be even.
  for (let index = 0; index < digits.length; index += 1) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return String((10 - (sum % 10)) % 10);
}

/** A SIRET whose SIREN (8 digits + key) and SIRET (SIREN + 4-digit NIC + key) are both Luhn-valid. */
export function demoSiret(sirenBase: string, nicBase: string): string {
  if (!/^\d{8}$/.test(sirenBase) || !/^\d{4}$/.test(nicBase))
    throw new Error("SIREN base: 8 digits, NIC base: 4");
  const siren = sirenBase + luhnKey(sirenBase);
  const withoutKey = siren + nicBase;
  return withoutKey + luhnKey(withoutKey);
}

function mod97(numeric: string): number {
  let remainder = 0;
  for (const char of numeric) remainder = (remainder * 10 + Number(char)) % 97;
  return remainder;
}

/** A French IBAN from bank, branch and account codes (digits only), with its RIB key and check digits. */
export function demoFrenchIban(bank: string, branch: string, account: string): string {
  if (!/^\d{5}$/.test(bank) || !/^\d{5}$/.test(branch) || !/^\d{11}$/.test(account)) {
    throw new Error("bank and branch: 5 digits, account: 11 digits");
  }
  const ribKey = String(97 - mod97(`${bank}${branch}${account}00`)).padStart(2, "0");
  const bban = `${bank}${branch}${account}${ribKey}`;
  // FR = 15 27 in the IBAN letter-to-number encoding.
  const check = String(98 - mod97(`${bban}152700`)).padStart(2, "0");
  return `FR${check}${bban}`;
}
