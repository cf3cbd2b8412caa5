// The message catalogues (messages/<locale>.json, ICU MessageFormat): English is the reference,
// every other catalogue has the same keys with the same variables (test/activities/catalogues.test.ts).
import { IntlMessageFormat } from 'intl-messageformat';
import de from '../messages/de.json';
import en from '../messages/en.json';
import es from '../messages/es.json';
import fr from '../messages/fr.json';
import it from '../messages/it.json';
import nl from '../messages/nl.json';
import type { Locale } from './locales';

export type MessageKey = keyof typeof en;
export type Catalogue = Readonly<Record<string, string>>;

export const CATALOGUES: Readonly<Record<Locale, Catalogue>> = { en, de, fr, es, it, nl };

export const MESSAGE_KEYS = Object.keys(en) as MessageKey[];

/** Parses a message (throws with the parser's reason on a syntax error); `<` is text, not a tag. */
export function compileMessage(message: string, locale: string): IntlMessageFormat {
  return new IntlMessageFormat(message, locale, undefined, { ignoreTag: true });
}

type Ast = ReturnType<IntlMessageFormat['getAst']>;

/** Every variable a message reads, including those inside plural and select branches. */
export function variablesOf(message: string): Set<string> {
  const names = new Set<string>();
  const walk = (elements: Ast) => {
    for (const el of elements) {
      const node = el as { type: number; value?: unknown; options?: Record<string, { value: Ast }>; children?: Ast };
      // 1 argument, 2 number, 3 date, 4 time, 5 select, 6 plural (the parser's TYPE enum).
      if (node.type >= 1 && node.type <= 6 && typeof node.value === 'string') names.add(node.value);
      for (const option of Object.values(node.options ?? {})) walk(option.value);
      if (node.children) walk(node.children);
    }
  };
  walk(compileMessage(message, 'en').getAst());
  return names;
}

/** The namespace of a key ("cart.subject" → "cart"): a template, or a part every template shares. */
export const namespaceOf = (key: string) => key.slice(0, key.indexOf('.'));

export const NAMESPACES = [...new Set(MESSAGE_KEYS.map(namespaceOf))];
