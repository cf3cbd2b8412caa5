// Where the project's own files are (the default schedule and policy files) and where the embedded
// parts keep theirs (DATA_DIR), from the source tree and from dist/ alike.
import { join } from 'node:path';
import type { Env } from './parsers';

export const PROJECT_ROOT = join(__dirname, '..', __dirname.includes(`${join('dist', 'config')}`) ? '..' : '');

/** Where the embedded parts keep their files (npm start also keeps its dev link secret there). */
export function dataDirFrom(env: Env): string {
  return env.DATA_DIR || join(PROJECT_ROOT, '.data');
}
