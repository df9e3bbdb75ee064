import type { View } from '../lib/page'
import ReaderPage from '../features/reader/ReaderPage.svelte'
import TimelinePage from '../features/timeline/TimelinePage.svelte'
import TradePage from '../features/trade/TradePage.svelte'
import StudyPage from '../features/study/StudyPage.svelte'
import ProgressPage from '../features/progress/ProgressPage.svelte'
import AboutPage from '../features/about/AboutPage.svelte'
import EntityPage from '../features/entity/EntityPage.svelte'

/** Every view of the app, in navigation order. */
export const VIEWS: View[] = [
  { id: 'reader', label: 'Read', component: ReaderPage, inNav: true },
  { id: 'timeline', label: 'Timeline', component: TimelinePage, inNav: true },
  { id: 'trade', label: 'Trade', component: TradePage, inNav: true },
  { id: 'study', label: 'Study', component: StudyPage, inNav: true },
  { id: 'progress', label: 'Progress', component: ProgressPage, inNav: true },
  { id: 'about', label: 'About', component: AboutPage, inNav: false },
  { id: 'entity', label: 'People and places', component: EntityPage, inNav: false }
]

export const DEFAULT_VIEW = 'reader'

/** The view for an id, or undefined for an unknown one. */
export function findView(id: string): View | undefined {
  return VIEWS.find((view) => view.id === id)
}
