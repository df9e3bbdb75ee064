/** A place in the app, as the URL hash holds it: `#/<view>/<path…>?<query>`. */
export interface Route {
  view: string
  path: string[]
  query: URLSearchParams
}

/** Parses a location hash such as `#/timeline/1812-fort-ross?theme=trade-economy`. */
export function parseHash(hash: string): Route {
  const body = hash.replace(/^#\/?/, '')
  const [pathPart = '', queryPart = ''] = body.split('?', 2)
  const segments = pathPart
    .split('/')
    .filter((s) => s !== '')
    .map((s) => {
      try {
        return decodeURIComponent(s)
      } catch {
        return s
      }
    })
  return { view: segments[0] ?? '', path: segments.slice(1), query: new URLSearchParams(queryPart) }
}

/** Builds a hash from a view, its path and an optional query. */
export function toHash(
  view: string,
  path: string[] = [],
  query?: URLSearchParams | Record<string, string>
): string {
  const parts = [view, ...path].map(encodeURIComponent).join('/')
  const search = query ? new URLSearchParams(query).toString() : ''
  return `#/${parts}${search ? `?${search}` : ''}`
}
