import { Body, Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiExcludeController, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { BEARER_SCHEME, Public } from '../http/api-key.decorators';
import { CodecService } from './codec.service';
import { CodecAuthGuard } from './codec-auth.guard';
import { CodecPayloadsDto } from './codec-payloads.dto';

/** The parts of Express's request the audit line reads (its types are not installed). */
interface CodecRequest {
  headers: Record<string, string | string[] | undefined>;
  socket: { remoteAddress?: string };
}

const header = (req: CodecRequest, name: string) => {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
};

/**
 * The Temporal UI's remote codec protocol (`--ui-codec-endpoint http://<CODEC_ADDRESS>/codec`),
 * answered on the codec listener only (codec-server.ts); the API key does not open it, its own
 * CODEC_AUTH_TOKEN does when set.
 */
// Not in the public document: these routes answer on the codec listener only (404 on the public port).
@ApiExcludeController()
@ApiTags('codec')
@Public()
@UseGuards(CodecAuthGuard)
@ApiBearerAuth(BEARER_SCHEME)
@ApiHeader({ name: 'X-Namespace', required: false, description: 'Sent by the Temporal UI; the same keys serve it' })
@ApiResponse({ status: 401, description: 'CODEC_AUTH_TOKEN is set and the request lacks it' })
@Controller('codec')
export class CodecController {
  constructor(private readonly codec: CodecService) {}

  @Post('encode')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Encrypt payloads as workers and clients do (the UI uses it for signals and queries it sends)',
    description: 'On CODEC_ADDRESS, not on the public port.',
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
    description: 'On CODEC_ADDRESS, not on the public port. Payloads that are not encrypted come back unchanged.',
  })
  @ApiResponse({ status: 200, type: CodecPayloadsDto })
  @ApiResponse({
    status: 400,
    description: 'Invalid body, or a payload that cannot be decrypted (unknown key id, altered): `errors` says which',
  })
  async decode(@Body() { payloads }: CodecPayloadsDto, @Req() req: CodecRequest): Promise<CodecPayloadsDto> {
    const caller = {
      remoteAddress: req.socket.remoteAddress,
      origin: header(req, 'origin'),
      namespace: header(req, 'x-namespace'),
    };
    return { payloads: await this.codec.decode(payloads, caller) };
  }
}
