/**
 * The app's first screen as HTML, made at build time (scripts/prerender-plugin.ts renders this
 * module with `svelte/server` and writes the result into index.html): the real shell and the
 * reader's first sections, from the pack the build validated, so the article is on screen before
 * any script has run. The live app replaces it once it has drawn the same thing (lib/page.ts).
 */
import { render } from 'svelte/server'
import type { Pack } from '$shared/pack-schema'
import { buildStudyContent } from '../domain/content'
import Shell from './Shell.svelte'

/** The shell with the reader at its top, as the first start of a new profile shows it. */
export function prerenderFirstScreen(pack: Pack): string {
  return render(Shell, { props: { content: buildStudyContent(pack) } }).body
}
