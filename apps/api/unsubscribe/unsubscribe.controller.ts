import { Controller, Get, Headers, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { localeFromAcceptLanguage } from '../../../activities/templates/i18n/locales';
import { Public } from '../http/api-key.decorators';
import { type HtmlResponse, sendPage } from '../http/html-page';
import { UnsubscribeService } from './unsubscribe.service';

/** Linked from emails (List-Unsubscribe), so public and HTML; the signed token is the credential. */
@ApiExcludeController()
@Public()
@Controller('unsubscribe')
export class UnsubscribeController {
  constructor(private readonly unsubscribe: UnsubscribeService) {}

  @Get()
  confirm(
    @Query('token') token: unknown,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res() res: HtmlResponse,
  ): void {
    sendPage(res, this.unsubscribe.confirmation(token, localeFromAcceptLanguage(acceptLanguage)));
  }

  /** Also the RFC 8058 one-click target: mail clients POST `List-Unsubscribe=One-Click` here. */
  @Post()
  @HttpCode(200)
  async confirmed(
    @Query('token') token: unknown,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res() res: HtmlResponse,
  ): Promise<void> {
    sendPage(res, await this.unsubscribe.unsubscribe(token, localeFromAcceptLanguage(acceptLanguage)));
  }
}
