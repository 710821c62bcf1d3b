import { createParamDecorator, type ExecutionContext } from '@nestjs/common';

/**
 * The caller's own `Authorization` header, to ask another service on their behalf (the people
 * directory). A parameter decorator of its own: `@Headers('authorization')` would document the
 * header as a required parameter of the route, which every route needs anyway.
 */
export const ForwardedAuthorization = createParamDecorator(
  (_data: unknown, context: ExecutionContext): string | undefined => {
    const header = context.switchToHttp().getRequest<{ headers: Record<string, unknown> }>().headers[
      'authorization'
    ];
    return typeof header === 'string' ? header : undefined;
  },
);
