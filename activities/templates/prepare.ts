// What the worker and the API do with the templates at boot, before serving anything: check and
// install the shop's overrides (a bad one stops the start, naming file and key) and compile the
// brand's email layout, so the first send pays no MJML compile and a broken layout fails the boot.
import type { BrandConfig } from '../../config/brand';
import { installTemplateOverrides } from './i18n/overrides';
import { emailLayout } from './index';

export interface TemplateSettings {
  brand: BrandConfig;
  templateOverridesDir: string | undefined;
}

export async function prepareTemplates(settings: TemplateSettings): Promise<{ overrides: number; compileMs: number }> {
  const overrides = installTemplateOverrides(settings.templateOverridesDir);
  const started = performance.now();
  await emailLayout(settings.brand);
  return { overrides, compileMs: Math.round(performance.now() - started) };
}
