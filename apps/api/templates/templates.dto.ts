import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { LOCALES } from '../../../activities/templates/i18n/locales';
import {
  PREVIEW_OFFERS,
  PREVIEW_REASONS,
  PREVIEW_TEMPLATES,
  type PreviewOffer,
  type PreviewTemplate,
} from './previews';

const oneOf = (values: readonly string[]) => ({ message: `must be one of: ${values.join(', ')}` });

export class TemplateNameParams {
  @ApiProperty({ enum: PREVIEW_TEMPLATES, example: 'cart' })
  @IsIn(PREVIEW_TEMPLATES, oneOf(PREVIEW_TEMPLATES))
  name: PreviewTemplate;
}

export const PREVIEW_FORMATS = ['html', 'text'] as const;

export class PreviewQuery {
  @ApiPropertyOptional({ enum: LOCALES, default: 'en', example: 'de' })
  @IsOptional()
  @IsIn(LOCALES, oneOf(LOCALES))
  locale?: (typeof LOCALES)[number];

  @ApiPropertyOptional({ enum: PREVIEW_REASONS, description: "The reminder's note for this abandonment reason" })
  @IsOptional()
  @IsIn(PREVIEW_REASONS, oneOf(PREVIEW_REASONS))
  reason?: (typeof PREVIEW_REASONS)[number];

  @ApiPropertyOptional({ enum: PREVIEW_OFFERS, description: 'A sample discount code block of this kind' })
  @IsOptional()
  @IsIn(PREVIEW_OFFERS, oneOf(PREVIEW_OFFERS))
  offer?: PreviewOffer;

  @ApiPropertyOptional({ enum: PREVIEW_FORMATS, default: 'html', description: 'text: the plain-text part' })
  @IsOptional()
  @IsIn(PREVIEW_FORMATS, oneOf(PREVIEW_FORMATS))
  format?: (typeof PREVIEW_FORMATS)[number];
}

export class TemplateListingEntry {
  @ApiProperty({ enum: PREVIEW_TEMPLATES, example: 'cart' }) name: string;
  @ApiProperty({ enum: ['email', 'sms', 'push', 'page'], example: 'email' }) channel: string;
  @ApiProperty({ example: '/templates/cart/preview' }) preview: string;
  @ApiProperty({
    description: 'Its messages (the keys an override file may set) and the variables each may use',
    example: { subject: ['count', 'total'], button: [] },
  })
  messages: Record<string, string[]>;
}

export class TemplateListingResponse {
  @ApiProperty({ enum: LOCALES, isArray: true, example: LOCALES }) locales: string[];
  @ApiProperty({ type: [TemplateListingEntry] }) templates: TemplateListingEntry[];
  @ApiProperty({
    description: 'Messages every template shares (greeting, footer, cart lines, offers, reason notes)',
    example: { common: { 'greeting.named': ['name'] } },
  })
  shared: Record<string, Record<string, string[]>>;
}
