import {
  type ArgumentsHost,
  Body,
  Catch,
  Controller,
  type ExceptionFilter,
  Get,
  Headers,
  HttpCode,
  Inject,
  Post,
  Query,
  Res,
  UnauthorizedException,
  UseFilters,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { AppConfig } from '../../../config/env';
import { APP_CONFIG } from '../app-config.token';
import { AcceptsDashboardSession, Public } from '../http/api-key.decorators';
import { type Headers as RequestHeaders, sameKey } from '../http/api-key.guard';
import { IsText, Optional } from '../validation/field-rules';
import { DashboardService } from './dashboard.service';
import { signInPage } from './dashboard-page';
import { clearedSessionCookie, cookieValue, SESSION_COOKIE, sessionCookie } from './dashboard-session';

interface PageResponse {
  status(code: number): PageResponse;
  type(contentType: string): PageResponse;
  setHeader(name: string, value: string): void;
  send(body: string): void;
  redirect(status: number, url: string): void;
}

function sendHtml(res: PageResponse, status: number, html: string): void {
  // Figures of the shop's business: no shared cache keeps them.
  res.setHeader('Cache-Control', 'no-store');
  res.status(status).type('html').send(html);
}

/** A browser without the key or the cookie gets the sign-in form, not a JSON 401. */
@Catch(UnauthorizedException)
class SignInOnUnauthorized implements ExceptionFilter {
  catch(_err: UnauthorizedException, host: ArgumentsHost): void {
    sendHtml(host.switchToHttp().getResponse<PageResponse>(), 401, signInPage());
  }
}

class SignInForm {
  @Optional()
  @IsText(1024)
  key?: string;
}

/** The merchant's dashboard: HTML from this API, behind the API key (or the sign-in cookie) when one is set. */
@ApiExcludeController()
@Controller('dashboard')
export class DashboardController {
  constructor(
    private readonly dashboard: DashboardService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @AcceptsDashboardSession()
  @UseFilters(SignInOnUnauthorized)
  async page(
    @Query('from') from: unknown,
    @Query('to') to: unknown,
    @Headers() headers: RequestHeaders,
    @Res() res: PageResponse,
  ): Promise<void> {
    const signedIn = cookieValue(headers, SESSION_COOKIE) !== undefined && this.config.api.apiKey !== undefined;
    const { status, html } = await this.dashboard.render({ from, to }, signedIn);
    sendHtml(res, status, html);
  }

  @Get('sign-in')
  @Public()
  signInForm(@Res() res: PageResponse): void {
    if (this.config.api.apiKey) sendHtml(res, 200, signInPage());
    else res.redirect(303, '/dashboard'); // nothing to sign in to
  }

  @Post('sign-in')
  @Public()
  @HttpCode(303)
  signIn(@Body() form: SignInForm, @Res() res: PageResponse): void {
    const expected = this.config.api.apiKey;
    const key = form.key ?? '';
    if (expected && (!key || !sameKey(key, expected))) {
      sendHtml(res, 401, signInPage('That is not the API key.'));
      return;
    }
    if (expected) res.setHeader('Set-Cookie', sessionCookie(expected, this.config.api.publicUrl.startsWith('https:')));
    res.redirect(303, '/dashboard');
  }

  @Post('sign-out')
  @Public()
  @HttpCode(303)
  signOut(@Res() res: PageResponse): void {
    res.setHeader('Set-Cookie', clearedSessionCookie());
    res.redirect(303, '/dashboard/sign-in');
  }
}
