import type { Component } from 'svelte'
import type { Pack } from '$shared/pack-schema'
import type { Route } from './route'

/** What every page is given: the validated pack and the current route. */
export interface PageProps {
  pack: Pack
  route: Route
}

export interface View {
  id: string
  label: string
  component: Component<PageProps>
  /** Listed in the navigation; the About page is reached from the header instead. */
  inNav: boolean
}
