// The shop's own copy without code: TEMPLATE_OVERRIDES_DIR/<template>/<locale>.json holds messages
// that replace the catalogue's, keyed as in the catalogue without the template prefix
// (cart/de.json: {"subject": "…"} replaces "cart.subject" for German). Checked in full at worker and
// API boot: a file that does not parse, a key no template has or a variable the message is not given
// stops the start with the file and key named, so a typo is never a blank or half-English mail.
// Held in the module because every render reads it; installed once, before anything renders.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../../../config/config-error';
import { CATALOGUES, compileMessage, type MessageKey, NAMESPACES, variablesOf } from './catalogues';
import { isLocale, LOCALES, type Locale } from './locales';

/** A ConfigError: the entry points print it as "Configuration error: …" and exit 1. */
export class TemplateOverrideError extends ConfigError {
  constructor(readonly problems: string[]) {
    super(`TEMPLATE_OVERRIDES_DIR: ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'TemplateOverrideError';
  }
}

let installed: ReadonlyMap<string, string> = new Map();

const slot = (locale: Locale, key: string) => `${locale}\u0000${key}`;

export function overrideFor(locale: Locale, key: MessageKey): string | undefined {
  return installed.get(slot(locale, key));
}

/** How many messages the installed overrides replace (the boot log says it). */
export const overrideCount = () => installed.size;

/** Reads and checks every override file; throws TemplateOverrideError listing each problem. */
export function readTemplateOverrides(dir: string): Map<string, string> {
  const problems: string[] = [];
  const found = new Map<string, string>();
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new TemplateOverrideError([`${dir} is not a directory`]);
  }
  for (const template of readdirSync(dir).sort()) {
    const folder = join(dir, template);
    if (!statSync(folder).isDirectory()) continue;
    if (!NAMESPACES.includes(template)) {
      problems.push(`${folder}: no template "${template}" (templates: ${NAMESPACES.join(', ')})`);
      continue;
    }
    for (const name of readdirSync(folder).sort()) {
      const file = join(folder, name);
      const locale = name.replace(/\.json$/, '');
      if (!name.endsWith('.json') || !isLocale(locale)) {
        problems.push(`${file}: name it <locale>.json with a locale of ${LOCALES.join(', ')}`);
        continue;
      }
      let messages: unknown;
      try {
        messages = JSON.parse(readFileSync(file, 'utf8'));
      } catch (err) {
        problems.push(`${file}: not valid JSON (${(err as Error).message})`);
        continue;
      }
      if (!messages || typeof messages !== 'object' || Array.isArray(messages)) {
        problems.push(`${file}: must be a JSON object of message keys to texts`);
        continue;
      }
      for (const [short, text] of Object.entries(messages)) {
        const key = `${template}.${short}`;
        const reference = CATALOGUES.en[key as MessageKey];
        const where = `${file}, key "${short}"`;
        if (reference === undefined) {
          problems.push(`${where}: no such message in "${template}"`);
          continue;
        }
        if (typeof text !== 'string' || text.trim() === '') {
          problems.push(`${where}: must be a non-empty string`);
          continue;
        }
        try {
          compileMessage(text, locale);
        } catch (err) {
          problems.push(`${where}: ICU MessageFormat syntax error (${(err as Error).message})`);
          continue;
        }
        const known = variablesOf(reference);
        const unknown = [...variablesOf(text)].filter((v) => !known.has(v));
        if (unknown.length > 0) {
          const offered = known.size > 0 ? [...known].map((v) => `{${v}}`).join(', ') : 'none';
          problems.push(
            `${where}: unknown variable ${unknown.map((v) => `{${v}}`).join(', ')} (this message has ${offered})`,
          );
          continue;
        }
        found.set(slot(locale, key), text);
      }
    }
  }
  if (problems.length > 0) throw new TemplateOverrideError(problems);
  return found;
}

/** Checks and installs the overrides of `dir` (none when undefined); throws before installing anything wrong. */
export function installTemplateOverrides(dir: string | undefined): number {
  installed = dir ? readTemplateOverrides(dir) : new Map();
  return installed.size;
}
