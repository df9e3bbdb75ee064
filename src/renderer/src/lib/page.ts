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

let firstScreenOver = false

/** True until the shell's first frame: a view drawn then is the app's first screen. */
export function onFirstScreen(): boolean {
  return !firstScreenOver
}

/** The shell calls it once its first frame is drawn: views drawn later are not the first screen. */
export function endFirstScreen(): void {
  firstScreenOver = true
}
