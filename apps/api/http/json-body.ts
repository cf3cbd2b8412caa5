import { BadRequestException } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';

// Express's body parser reports bad JSON as a SyntaxError marked `entity.parse.failed`.
function isJsonParseError(err: unknown): err is SyntaxError {
  return err instanceof SyntaxError && (err as { type?: unknown }).type === 'entity.parse.failed';
}

/**
 * Registers the body parsers (JSON for the API, urlencoded for one-click unsubscribe posts) and turns
 * malformed JSON into a 400 that says so, passed on to the exception filter like any other error.
 */
export function useBodyParsers(app: NestExpressApplication): void {
  app.useBodyParser('json');
  app.useBodyParser('urlencoded', { extended: false });
  app.use((err: unknown, _req: unknown, _res: unknown, next: (err?: unknown) => void) => {
    next(isJsonParseError(err) ? new BadRequestException(`Malformed JSON in request body: ${err.message}`) : err);
  });
}
