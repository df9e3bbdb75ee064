import { getContext, setContext, type Component } from 'svelte'
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
  /**
   * Drawn before the database is open (the reader, the timeline, the trade view, About): what it
   * reads from the database follows once it opens. The other views wait for it.
   */
  beforeDatabase?: true
  /**
   * Opens at a place saved in the database (the reader: its reading position and text size), so
   * on a later start that place is read before it is drawn. Views whose state is all in the link
   * are drawn at once, and the database opened after them, on every start.
   */
  savedPlace?: true
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

/**
 * What the next start opens, kept in localStorage for the boot script (src/renderer/boot.js),
 * which reads it before the first paint: 'reader-top' lets it show the first screen prerendered
 * into index.html.
 */
export const START_HINT = 'mexico-russia-study.start'

/** Records whether the next start opens the reader at its top (or somewhere else). */
export function rememberNextStart(readerTop: boolean): void {
  try {
    globalThis.localStorage?.setItem(START_HINT, readerTop ? 'reader-top' : 'elsewhere')
  } catch {
    // No localStorage: boot.js then never shows the prerendered screen over a saved place.
  }
}

/**
 * Removes the prerendered first screen (scripts/prerender-plugin.ts): the live view has drawn
 * the same thing, or the app shows something else (another view, an error).
 */
export function endPrerender(): void {
  if (typeof document === 'undefined') return
  document.getElementById('prerender')?.remove()
  delete document.documentElement.dataset.prerender
}

const SHOWN = Symbol('view shown')

/**
 * Whether the page the caller belongs to is on screen: the shell keeps a visited page drawn but
 * hidden, and a hidden page must not act on keys or scrolling. Outside the shell (a component's own
 * test), always true. Call it while the component is created; the function it returns is reactive.
 */
export function viewShown(): () => boolean {
  return getContext<(() => boolean) | undefined>(SHOWN) ?? (() => true)
}

/** The shell gives each page it keeps the test `viewShown()` returns. */
export function provideViewShown(shown: () => boolean): void {
  setContext(SHOWN, shown)
}
