import { z } from 'zod';
import { ERASING_SERVICES, type ErasureRequestView } from './erasure-progress';

export const erasureRequestPath = (requestId: string) => `/api/matching/v1/erasure-requests/${requestId}`;

export const erasureRequestSchema = z.object({
  requestId: z.string(),
  userId: z.string(),
  status: z.enum(['running', 'completed']).describe('`completed` once every service reported its part'),
  requestedBy: z.string().optional(),
  requestedAt: z.string().optional(),
  completedAt: z.string().optional().describe('When the last service reported'),
  services: z.array(
    z.object({
      service: z.enum(ERASING_SERVICES),
      status: z.enum(['pending', 'erased']),
      erasedAt: z.string().optional(),
    }),
  ),
});
export type ErasureRequestResponse = z.output<typeof erasureRequestSchema>;

export function erasureRequestResponse(view: ErasureRequestView): ErasureRequestResponse {
  const services = ERASING_SERVICES.map((service) => {
    const erasedAt = view.erased?.[service];
    return erasedAt
      ? { service, status: 'erased' as const, erasedAt }
      : { service, status: 'pending' as const };
  });
  const reported = services.flatMap((s) => s.erasedAt ?? []);
  const completed = reported.length === ERASING_SERVICES.length;
  return {
    requestId: view.requestId,
    userId: view.userId,
    status: completed ? 'completed' : 'running',
    ...(view.requestedBy ? { requestedBy: view.requestedBy } : {}),
    ...(view.requestedAt ? { requestedAt: view.requestedAt } : {}),
    ...(completed ? { completedAt: reported.sort().at(-1) } : {}),
    services,
  };
}
