// Amounts written out in words, as French administrative letters and agreements state them next to the
// figures (« 20 000,00 € (vingt mille euros) »). The number words come from n2words; only the currency
// grammar is ours: « d’euros » after a round million, « euro » and « centime » singular for one.
import { toCardinal } from "n2words/fr-FR";

function unit(value: number, words: string, singular: string, plural: string): string {
  if (value <= 1) return `${words} ${singular}`;
  // « un million d’euros », « deux milliards d’euros », but « un million deux cent mille euros ».
  if (/(?:million|milliard)s?$/.test(words)) return `${words} d’${plural}`;
  return `${words} ${plural}`;
}

/** « vingt mille euros », « mille deux cent trente-quatre euros et cinquante centimes », « un euro ». */
export function euroAmountInWords(cents: number): string {
  if (!Number.isSafeInteger(cents) || cents < 0) {
    throw new RangeError(`Not a non-negative whole number of cents: ${cents}`);
  }
  const euros = Math.floor(cents / 100);
  const rest = cents % 100;
  const eurosText = unit(euros, toCardinal(euros), "euro", "euros");
  if (rest === 0) return eurosText;
  const centsText = unit(rest, toCardinal(rest), "centime", "centimes");
  return euros === 0 ? centsText : `${eurosText} et ${centsText}`;
}
