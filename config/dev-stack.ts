// The settings of `npm start` itself (apps/dev/start.ts): which parts it runs embedded, on which
// ports, and the development defaults it gives the worker and the API. Read once, through the same
// parsers as the product's settings, before anything starts or is written.
import { join } from 'node:path';
import { DEV_CUSTOMER_ID_SECRET_FILE, devLinkSecret } from './dev-link-secret';
import { type Env, port } from './parsers';
import { dataDirFrom } from './project-paths';
import {
  LOCAL_PUSH_STATE_FILE,
  type LocalPushConfig,
  type LocalSesConfig,
  type LocalSnsConfig,
  loadLocalPushConfig,
  loadLocalSesConfig,
  loadLocalSnsConfig,
} from './stand-ins';

/** Where the Temporal UI of `temporal server start-dev` listens. */
export const DEFAULT_TEMPORAL_UI_PORT = 8233;
/** Texts go to the local SNS: a few countries, so the README's +1 and +49 examples reach it. */
export const DEV_SMS_ALLOWED_COUNTRIES = 'US,CA,GB,DE,AT,CH';

export interface DevStackConfig {
  /** DATA_DIR: the dev server's database, the dev keys and secrets, the push subscriptions. */
  dataDir: string;
  temporal: {
    /** TEMPORAL_ADDRESS unset: npm start runs the Temporal dev server. */
    embedded: boolean;
    /** TEMPORAL_UI_PORT: the dev server's UI. */
    uiPort: number;
  };
  /** The local SES inbox; undefined when SES_ENDPOINT or real AWS credentials send mail elsewhere. */
  localSes: LocalSesConfig | undefined;
  /** The local SNS; undefined when SNS_ENDPOINT or real AWS credentials send texts elsewhere. */
  localSns: LocalSnsConfig | undefined;
  /** Push has no central endpoint (each subscription carries its own), so the local push service always runs. */
  localPush: LocalPushConfig;
  /** localstripe (LOCAL_STRIPE_PORT, default 8420); undefined when STRIPE_SECRET_KEY names a real account. */
  localStripe: { port: number } | undefined;
}

/** Credentials the AWS SDK would use: then mail and texts go to AWS, not to the local stand-ins. */
export function hasRealAwsCredentials(env: Env): boolean {
  return Boolean(
    env.AWS_ACCESS_KEY_ID ||
      env.AWS_PROFILE ||
      env.AWS_WEB_IDENTITY_TOKEN_FILE ||
      env.AWS_CONTAINER_CREDENTIALS_FULL_URI,
  );
}

export function loadDevConfig(env: Env = process.env): DevStackConfig {
  const dataDir = dataDirFrom(env);
  const realAws = hasRealAwsCredentials(env);
  // Parsed whether or not they run: a malformed setting is refused either way.
  const localSes = loadLocalSesConfig(env);
  const localSns = loadLocalSnsConfig(env);
  return {
    dataDir,
    temporal: { embedded: !env.TEMPORAL_ADDRESS, uiPort: port(env, 'TEMPORAL_UI_PORT', DEFAULT_TEMPORAL_UI_PORT) },
    localSes: !env.SES_ENDPOINT && !realAws ? localSes : undefined,
    localSns: !env.SNS_ENDPOINT && !realAws ? localSns : undefined,
    // Kept in the data directory always, so subscriptions made in its viewer survive a restart.
    localPush: { ...loadLocalPushConfig(env), stateFile: join(dataDir, LOCAL_PUSH_STATE_FILE) },
    localStripe: env.STRIPE_SECRET_KEY ? undefined : { port: port(env, 'LOCAL_STRIPE_PORT', 8420) },
  };
}

/**
 * What npm start gives the worker and the API where the environment says nothing: development
 * settings the product itself never defaults to.
 */
export function devAppDefaults(dev: DevStackConfig): Env {
  return {
    // The UI calls the codec endpoint from the browser, so its origin needs CORS.
    CODEC_CORS_ORIGINS: `http://localhost:${dev.temporal.uiPort},http://127.0.0.1:${dev.temporal.uiPort}`,
    // The local push service listens on loopback over http: development only (refused in production).
    PUSH_ALLOW_LOOPBACK: 'on',
    SMS_ALLOWED_COUNTRIES: DEV_SMS_ALLOWED_COUNTRIES,
  };
}

/**
 * Sets LINK_SIGNING_SECRET and CUSTOMER_ID_SECRET for the worker and the API unless the environment
 * gave them: kept in the data directory, so links in emails sent before a restart still work after
 * it, and the legacy route's customer ids (and their stored preferences) stay the same.
 */
export function provideDevSecrets(env: Env, dataDir: string): void {
  if (!env.LINK_SIGNING_SECRET) env.LINK_SIGNING_SECRET = devLinkSecret(dataDir);
  env.CUSTOMER_ID_SECRET ||= devLinkSecret(dataDir, DEV_CUSTOMER_ID_SECRET_FILE);
}
