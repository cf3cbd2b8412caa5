// How many SMS segments a text costs: GSM-7 (160 characters, 153 per part of a longer text; the
// extension table's characters, like € and [, take two) when every character is in the GSM 03.38
// alphabet, else UCS-2 (70, 67 per part, counted in UTF-16 units). One non-GSM character — an
// accented letter outside the table, a typographic apostrophe, a no-break space — turns the whole
// text into UCS-2, so the templates keep them out of texts.

const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM7_EXTENSION = '^{}\\[~]|€\f';

const BASIC = new Set(GSM7_BASIC);
const EXTENSION = new Set(GSM7_EXTENSION);

export interface SmsSegments {
  encoding: 'GSM-7' | 'UCS-2';
  /** Septets (GSM-7) or UTF-16 code units (UCS-2) the text takes. */
  units: number;
  segments: number;
  /** The characters that forced UCS-2, for the viewer and the tests. */
  nonGsm: string[];
}

export function smsSegments(text: string): SmsSegments {
  let septets = 0;
  const nonGsm: string[] = [];
  for (const char of text) {
    if (BASIC.has(char)) septets += 1;
    else if (EXTENSION.has(char)) septets += 2;
    else nonGsm.push(char);
  }
  if (nonGsm.length === 0) {
    return { encoding: 'GSM-7', units: septets, segments: septets <= 160 ? 1 : Math.ceil(septets / 153), nonGsm };
  }
  const units = text.length;
  return {
    encoding: 'UCS-2',
    units,
    segments: units <= 70 ? 1 : Math.ceil(units / 67),
    nonGsm: [...new Set(nonGsm)],
  };
}
