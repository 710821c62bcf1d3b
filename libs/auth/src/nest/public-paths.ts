/**
 * Whether `path` is one of `publicPaths` or below one (`/api/x/docs` covers `/api/x/docs/ui.css`).
 * Compared the way Express routes by default: case-insensitive, trailing slash ignored.
 */
export function isPublicPath(path: string, publicPaths: readonly string[]): boolean {
  const normalized = path.toLowerCase().replace(/\/+$/, '');
  return publicPaths.some((prefix) => {
    const publicPath = prefix.toLowerCase().replace(/\/+$/, '');
    return normalized === publicPath || normalized.startsWith(`${publicPath}/`);
  });
}
