import { Controller, Get, Headers, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { localeFromAcceptLanguage } from '../../../activities/templates/i18n/locales';
import { Public } from '../http/api-key.decorators';
import { type HtmlResponse, sendPage } from '../http/html-page';
import { ResumeService } from './resume.service';

/** The resume button of every reminder: a signed link that redirects to the shop's checkout. */
@ApiExcludeController()
@Public()
@Controller('r')
export class ResumeController {
  constructor(private readonly resume: ResumeService) {}

  @Get(':token')
  async follow(
    @Param('token') token: unknown,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res() res: HtmlResponse,
  ): Promise<void> {
    const outcome = await this.resume.followAny(token, localeFromAcceptLanguage(acceptLanguage));
    if ('redirectTo' in outcome) {
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('Referrer-Policy', 'no-referrer');
      res.redirect(302, outcome.redirectTo);
      return;
    }
    sendPage(res, outcome);
  }
}
