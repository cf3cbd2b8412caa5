import { Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../http/api-key.decorators';
import { UnsubscribeService } from './unsubscribe.service';
import type { HtmlPage } from './unsubscribe-pages';

/** The part of Express's response used here (its types are not installed). */
interface HtmlResponse {
  status(code: number): HtmlResponse;
  type(contentType: string): HtmlResponse;
  send(body: string): void;
}

function send(res: HtmlResponse, { status, html }: HtmlPage): void {
  res.status(status).type('html').send(html);
}

/** Linked from emails (List-Unsubscribe), so public and HTML; kept out of the API document. */
@ApiExcludeController()
@Public()
@Controller('unsubscribe')
export class UnsubscribeController {
  constructor(private readonly unsubscribe: UnsubscribeService) {}

  @Get()
  confirm(@Query('checkout') checkout: unknown, @Res() res: HtmlResponse): void {
    send(res, this.unsubscribe.confirmation(checkout));
  }

  /** Also the RFC 8058 one-click target: mail clients POST `List-Unsubscribe=One-Click` here. */
  @Post()
  @HttpCode(200)
  async confirmed(@Query('checkout') checkout: unknown, @Res() res: HtmlResponse): Promise<void> {
    send(res, await this.unsubscribe.unsubscribe(checkout));
  }
}
