/** Whether a URL stays on the site: no scheme (`https:`, `data:`) and not protocol-relative (`//host`). */
export function isSiteUrl(url: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(url.trim()) && !url.trim().startsWith('//')
}
