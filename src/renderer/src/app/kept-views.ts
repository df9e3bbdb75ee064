import type { Route } from '../lib/route'

/** A page the shell keeps drawn: shown while its view is the route's, hidden (not destroyed) after. */
export interface OpenedView {
  id: string
  /** The page's own key: a new number draws the page again from scratch. */
  serial: number
  /** The route the page was last shown with: a hidden page keeps it, so it never follows another view's. */
  route: Route
}

/**
 * The pages to keep drawn once the route is `route` (the view before it was `previous`): the new
 * view's page is reused with the new route, or added; a page of a view that is not kept (`keep`
 * says no) is dropped once it is left. A link from another view to a place in a kept view (a path,
 * such as `#/reader/p-3` or `#/timeline/<event>`) draws that view again, so it opens on the place
 * exactly as on a first visit.
 */
export function nextOpened(
  opened: readonly OpenedView[],
  route: Route,
  previous: string,
  keep: (id: string) => boolean,
  nextSerial: () => number
): OpenedView[] {
  const id = route.view
  const arrived = id !== previous
  const kept = opened.filter((page) => page.id === id || keep(page.id))
  const index = kept.findIndex((page) => page.id === id)
  if (index === -1) return [...kept, { id, serial: nextSerial(), route }]
  const page = kept[index]
  if (!page) return kept
  const fresh = arrived && route.path.length > 0
  // The same place again keeps the page's route object: nothing the page derives from it is redone.
  if (!fresh && sameRoute(page.route, route)) return kept
  const updated = { id, serial: fresh ? nextSerial() : page.serial, route }
  return kept.map((other, i) => (i === index ? updated : other))
}

/** Whether two routes name the same place (view, path and query, in order). */
function sameRoute(a: Route, b: Route): boolean {
  return (
    a.view === b.view &&
    a.path.join('/') === b.path.join('/') &&
    a.query.toString() === b.query.toString()
  )
}
