// The settings of the local stand-ins for outside services (stand-ins/: SES, SNS, web push), which
// `npm start` runs and `npm run start:local-*` runs alone. Development only: the product's
// processes never read these.
import { join } from 'node:path';
import { commaList, type Env, port } from './parsers';

export const DEFAULT_LOCAL_SES_PORT = 8005;
export const DEFAULT_LOCAL_SNS_PORT = 8006;
export const DEFAULT_LOCAL_PUSH_PORT = 8007;
/** The local push service's test subscriptions, in the data directory. */
export const LOCAL_PUSH_STATE_FILE = 'local-push-subscriptions.json';

export interface LocalSesConfig {
  /** SES_PORT: the inbox and the SES API. */
  port: number;
}

export interface LocalSnsConfig {
  /** SNS_PORT: the SNS Publish API and the viewer. */
  port: number;
  /** LOCAL_SNS_INVALID_NUMBERS: comma-separated numbers answered InvalidParameter. */
  invalidNumbers: string[];
  /** LOCAL_SNS_OPTED_OUT_NUMBERS: comma-separated numbers answered OptedOut. */
  optedOutNumbers: string[];
}

export interface LocalPushConfig {
  /** PUSH_PORT: the push service and its viewer. */
  port: number;
  /** In DATA_DIR when set: test subscriptions survive a restart; undefined: kept in memory. */
  stateFile: string | undefined;
}

export function loadLocalSesConfig(env: Env = process.env): LocalSesConfig {
  return { port: port(env, 'SES_PORT', DEFAULT_LOCAL_SES_PORT) };
}

export function loadLocalSnsConfig(env: Env = process.env): LocalSnsConfig {
  return {
    port: port(env, 'SNS_PORT', DEFAULT_LOCAL_SNS_PORT),
    invalidNumbers: commaList(env.LOCAL_SNS_INVALID_NUMBERS),
    optedOutNumbers: commaList(env.LOCAL_SNS_OPTED_OUT_NUMBERS),
  };
}

export function loadLocalPushConfig(env: Env = process.env): LocalPushConfig {
  return {
    port: port(env, 'PUSH_PORT', DEFAULT_LOCAL_PUSH_PORT),
    stateFile: env.DATA_DIR ? join(env.DATA_DIR, LOCAL_PUSH_STATE_FILE) : undefined,
  };
}
