import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiKeyProtected } from '../http/api-key.decorators';
import { CodecService } from './codec.service';
import { CodecPayloadsDto } from './codec-payloads.dto';

/** The Temporal UI's remote codec protocol (`--ui-codec-endpoint http://<api>/codec`). */
@ApiTags('codec')
@ApiKeyProtected()
@ApiHeader({ name: 'X-Namespace', required: false, description: 'Sent by the Temporal UI; the same keys serve it' })
@Controller('codec')
export class CodecController {
  constructor(private readonly codec: CodecService) {}

  @Post('encode')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Encrypt payloads as workers and clients do (the UI uses it for signals and queries it sends)',
  })
  @ApiResponse({ status: 200, type: CodecPayloadsDto })
  @ApiResponse({ status: 400, description: 'Invalid body; `errors` names each field' })
  async encode(@Body() { payloads }: CodecPayloadsDto): Promise<CodecPayloadsDto> {
    return { payloads: await this.codec.encode(payloads) };
  }

  @Post('decode')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Decrypt payloads for the Temporal UI',
    description: 'Payloads that are not encrypted come back unchanged.',
  })
  @ApiResponse({ status: 200, type: CodecPayloadsDto })
  @ApiResponse({
    status: 400,
    description: 'Invalid body, or a payload that cannot be decrypted (unknown key id, altered): `errors` says which',
  })
  async decode(@Body() { payloads }: CodecPayloadsDto): Promise<CodecPayloadsDto> {
    return { payloads: await this.codec.decode(payloads) };
  }
}
