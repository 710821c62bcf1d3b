import { BadRequestException } from '@nestjs/common';

/** The version an `If-Match: "3"` header asks for (3); none when absent or `*`. A malformed one is a 400. */
export function expectedVersionOf(ifMatch: string | undefined): number | undefined {
  if (ifMatch === undefined || ifMatch === '*') return undefined;
  const match = /^(?:W\/)?"(\d+)"$/.exec(ifMatch.trim());
  if (!match) {
    throw new BadRequestException({
      statusCode: 400,
      error: 'Bad Request',
      message: 'Invalid request',
      fields: [{ field: 'If-Match', code: 'invalid-format', message: 'must be an ETag like "3"' }],
    });
  }
  return Number(match[1]);
}
