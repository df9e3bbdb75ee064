import type { Component } from 'svelte'
import type { Route } from './route'

/** What every page is given: the current route (the content comes from `getStudyContent()`). */
export interface PageProps {
  route: Route
}

export interface View {
  id: string
  label: string
  /** Fetches the page's code: only the first view's loads before the first paint. */
  load: () => Promise<Component<PageProps>>
  /** Listed in the navigation; the About page is reached from the header instead. */
  inNav: boolean
}
