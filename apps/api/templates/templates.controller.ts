import { Controller, Get, Headers, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { AppConfig } from '../../../config/env';
import { APP_CONFIG } from '../app-config.token';
import { ApiKeyProtected } from '../http/api-key.decorators';
import type { HtmlResponse } from '../http/html-page';
import { renderPreview, templateListing } from './previews';
import { PreviewQuery, TemplateListingResponse, TemplateNameParams } from './templates.dto';

/**
 * A preview is the shop's own email in the shop's browser: its inline styles and https images may
 * load, nothing else (no script, no form, no frame).
 */
const PREVIEW_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

@ApiTags('templates')
@ApiKeyProtected()
@Controller('templates')
export class TemplatesController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get()
  @ApiOperation({
    summary: 'The templates, their locales, and the messages an override may set',
    description: 'Each message with the variables it may use (TEMPLATE_OVERRIDES_DIR/<template>/<locale>.json).',
  })
  @ApiResponse({ status: 200, type: TemplateListingResponse })
  list(): TemplateListingResponse {
    return templateListing() as TemplateListingResponse;
  }

  @Get(':name/preview')
  @ApiOperation({
    summary: 'One template rendered with sample data, overrides included',
    description:
      'HTML (the email as sent; a text or push in a small page), or the plain-text part with format=text or ' +
      'Accept: text/plain. An SMS answers its segment count in X-Sms-Segments.',
  })
  @ApiProduces('text/html', 'text/plain')
  @ApiHeader({ name: 'accept', required: false, description: 'text/plain: the text part' })
  @ApiResponse({ status: 200, description: 'The rendered template' })
  @ApiResponse({ status: 400, description: 'Unknown template name, locale, reason, offer or format' })
  async preview(
    @Param() { name }: TemplateNameParams,
    @Query() query: PreviewQuery,
    @Headers('accept') accept: string | undefined,
    @Res() res: HtmlResponse,
  ): Promise<void> {
    const preview = await renderPreview(
      name,
      {
        locale: query.locale ?? 'en',
        ...(query.reason && { reason: query.reason }),
        ...(query.offer && { offer: query.offer }),
      },
      this.config.brand,
    );
    const asText = query.format === 'text' || (!query.format && /^\s*text\/plain\b/i.test(accept ?? ''));
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Security-Policy', PREVIEW_CSP);
    if (preview.segments) {
      res.setHeader(
        'X-Sms-Segments',
        `${preview.segments.segments}; encoding=${preview.segments.encoding}; units=${preview.segments.units}`,
      );
    }
    res
      .status(200)
      .type(asText ? 'text/plain; charset=utf-8' : 'html')
      .send(asText ? preview.text : preview.html);
  }
}
