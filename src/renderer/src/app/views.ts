import type { Component } from 'svelte'
import type { PageProps, View } from '../lib/page'

type PageModule = { default: Component<PageProps> }

/** A view's loader: the module is fetched once, the first time it is asked for (again if that failed). */
function lazy(importer: () => Promise<PageModule>): () => Promise<Component<PageProps>> {
  let loading: Promise<Component<PageProps>> | undefined
  return () =>
    (loading ??= importer().then(
      (module) => module.default,
      (error: unknown) => {
        loading = undefined
        throw error
      }
    ))
}

/** Every view of the app, in navigation order; each page's code is its own chunk. */
export const VIEWS: View[] = [
  {
    id: 'reader',
    label: 'Read',
    load: lazy(() => import('../features/reader/ReaderPage.svelte')),
    inNav: true,
    beforeDatabase: true,
    savedPlace: true
  },
  {
    id: 'timeline',
    label: 'Timeline',
    load: lazy(() => import('../features/timeline/TimelinePage.svelte')),
    inNav: true,
    beforeDatabase: true
  },
  {
    id: 'trade',
    label: 'Trade',
    load: lazy(() => import('../features/trade/TradePage.svelte')),
    inNav: true,
    beforeDatabase: true
  },
  {
    id: 'study',
    label: 'Study',
    load: lazy(() => import('../features/study/StudyPage.svelte')),
    inNav: true
  },
  {
    id: 'progress',
    label: 'Progress',
    load: lazy(() => import('../features/progress/ProgressPage.svelte')),
    inNav: true
  },
  {
    id: 'about',
    label: 'About',
    load: lazy(() => import('../features/about/AboutPage.svelte')),
    inNav: false,
    beforeDatabase: true
  },
  {
    id: 'entity',
    label: 'People and places',
    load: lazy(() => import('../features/entity/EntityPage.svelte')),
    inNav: false
  }
]

export const DEFAULT_VIEW = 'reader'

/** The view for an id, or undefined for an unknown one. */
export function findView(id: string): View | undefined {
  return VIEWS.find((view) => view.id === id)
}

/**
 * Fetches every view's code in the background, one after another, so a later switch finds it
 * ready; called once the first view is on screen. A failed fetch is left for the switch to retry.
 */
export async function prefetchViews(): Promise<void> {
  for (const view of VIEWS) {
    try {
      await view.load()
    } catch {
      // The switch to that view loads it again and shows its own error.
    }
  }
}

/**
 * The views whose page stays drawn (hidden) once left, and which the shell draws ahead (hidden) in
 * idle time after the start, so a visit costs a frame instead of a new build (at 100,000 cards: the reader 57–83 ms to build again, a kept one is shown in the next
 * frame). Kept: the views built from the pack alone, whose hidden pages do nothing on a write
 * (reader, timeline, trade, about); a few thousand elements in all. Not kept: study, whose
 * session must start afresh from the database on each visit (a backup restored or a sync in the
 * meantime would leave a kept session stale); progress, whose live counts (every card and log
 * row) would run again on each grade while hidden; entity pages, always opened by a link to one
 * entity, which draws its view again anyway.
 */
export const KEPT_VIEWS: readonly string[] = ['reader', 'timeline', 'trade', 'about']

/** Whether a view's page is kept drawn while another view is shown. */
export function keptAlive(id: string): boolean {
  return KEPT_VIEWS.includes(id)
}
