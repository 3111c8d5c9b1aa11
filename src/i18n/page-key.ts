/** The key of a route's own title in common.pageTitle: "/admin/places/c/[id]" → "admin-places-c-id", "/" → "home". */
export function pageKey(route: string): string {
  if (route === '/') return 'home';
  if (route === '/[...rest]') return 'notFound';
  return route
    .slice(1)
    .split('/')
    .map((s) => s.replace(/^\[(.*)\]$/, '$1'))
    .join('-');
}
