// The one error body every route answers with (api-exception.filter.ts, the rate limit, the 405),
// as the OpenAPI document states it for every error status.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldErrorBody {
  @ApiProperty({ example: 'cart.items[0].quantity' }) field: string;
  @ApiProperty({ example: 'must be >= 1' }) reason: string;
}

export class ErrorBody {
  @ApiProperty({ example: 400 }) statusCode: number;
  @ApiPropertyOptional({ example: 'Bad Request' }) error?: string;
  @ApiProperty({ example: 'Invalid request body' }) message: string;
  @ApiPropertyOptional({ type: [FieldErrorBody], description: 'Input errors (400): one per field' })
  errors?: FieldErrorBody[];
  @ApiProperty({ example: '1b4e28ba-2fa1-11d2-883f-0016d3cca427', description: 'Also the x-correlation-id header' })
  correlationId: string;
}
