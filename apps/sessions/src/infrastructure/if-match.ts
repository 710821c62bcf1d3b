import { BadRequestException } from '@nestjs/common';

/** `If-Match: "3"` → 3; absent → undefined (no precondition). */
export function expectedVersionOf(ifMatch: string | undefined): number | undefined {
  if (ifMatch === undefined || ifMatch === '*') return undefined;
  const match = /^(?:W\/)?"(\d+)"$/.exec(ifMatch.trim());
  if (match) return Number(match[1]);
  throw new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: 'Invalid request',
    fields: [{ field: 'If-Match', message: 'must be an ETag like "3"' }],
  });
}
