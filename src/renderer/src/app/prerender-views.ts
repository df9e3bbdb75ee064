/**
 * The views as the build-time prerender sees them (scripts/prerender-plugin.ts puts this module
 * in place of ./views for the shell): the reader's page is given at once instead of as a promise,
 * so the shell's `{#await}` draws it on the server; everything else is the real module's.
 */
import type { Component } from 'svelte'
import type { PageProps, View } from '../lib/page'
import ReaderPage from '../features/reader/ReaderPage.svelte'
import { DEFAULT_VIEW, VIEWS as LIVE_VIEWS } from './views'

export * from './views'

/** The live views, with the reader's code already loaded (a component, not a promise of one). */
export const VIEWS: View[] = LIVE_VIEWS.map((view) =>
  view.id === DEFAULT_VIEW
    ? { ...view, load: () => ReaderPage as unknown as Promise<Component<PageProps>> }
    : view
)

/** The view for an id, from the list above. */
export function findView(id: string): View | undefined {
  return VIEWS.find((view) => view.id === id)
}
