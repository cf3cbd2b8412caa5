// Raw card data must never reach us: a saved method is provider tokens only. This finds anything in
// a request body that looks like a card number (12-19 digits, spaces or dashes allowed, passing the
// Luhn check) or a CVC field, so the API refuses it before validation, logging or storage.

const CVC_FIELD = /^(cvc|cvv|cvc2|cvv2|cid|csc|security_?code|card_?verification|card_?code)$/i;
const CARD_NUMBER_FIELD = /^(card_?number|pan|number)$/i;
// Digit runs with optional single spaces or dashes between digits.
const DIGIT_RUN = /\d(?:[ -]?\d){11,18}/g;

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function looksLikeCardNumber(text: string): boolean {
  for (const match of text.matchAll(DIGIT_RUN)) {
    const digits = match[0].replace(/[ -]/g, '');
    if (digits.length >= 12 && digits.length <= 19 && luhnValid(digits)) return true;
  }
  return false;
}

/** The JSON path of the first field that carries card data, or undefined. Never returns the value. */
export function findCardData(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string' || typeof value === 'number')
    return looksLikeCardNumber(String(value)) ? path || '(body)' : undefined;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findCardData(item, `${path}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const field = path ? `${path}.${key}` : key;
      if (CVC_FIELD.test(key) || (CARD_NUMBER_FIELD.test(key) && item !== undefined && item !== null)) return field;
      if (looksLikeCardNumber(key)) return '(a field name)';
      const found = findCardData(item, field);
      if (found) return found;
    }
  }
  return undefined;
}
