import { isPublicPath } from './public-paths';

describe('isPublicPath', () => {
  const publicPaths = ['/health/live', '/health/ready', '/metrics', '/api/matching/docs'];

  it('matches the listed paths and what lies below them, as Express routes', () => {
    expect(isPublicPath('/health/live', publicPaths)).toBe(true);
    expect(isPublicPath('/Health/Ready/', publicPaths)).toBe(true);
    expect(isPublicPath('/api/matching/docs/swagger-ui.css', publicPaths)).toBe(true);
  });

  it('does not match neighbours or the API', () => {
    expect(isPublicPath('/health/lively', publicPaths)).toBe(false);
    expect(isPublicPath('/metrics-export', publicPaths)).toBe(false);
    expect(isPublicPath('/api/matching/v1/programs', publicPaths)).toBe(false);
    expect(isPublicPath('/', publicPaths)).toBe(false);
  });
});
