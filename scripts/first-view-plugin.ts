/**
 * The first view's code, announced in the page: a Vite plugin for the renderer that adds a
 * `modulepreload` for the chunk of the view the app opens with (and the chunks it imports) and a
 * link to its stylesheet, so they load beside the main script instead of after it has run. The
 * other views' files are named in `<meta name="view-code">` tags, one per view, for the boot
 * script (src/renderer/boot.js) to preload when the page is opened at a link to that view (`#/timeline`).
 */
import type { HtmlTagDescriptor, Plugin, Rolldown } from 'vite'

type OutputBundle = Rolldown.OutputBundle

/** A view's page module: `features/<view id>/<Name>Page.svelte` (app/views.ts). */
const VIEW_PAGE = /\/features\/([a-z]+)\/[A-Z][A-Za-z]*Page\.svelte$/

/** A chunk and every chunk it imports, however deep, in load order; their stylesheets. */
function chunkFiles(
  chunk: Rolldown.OutputChunk,
  bundle: OutputBundle
): { scripts: string[]; styles: string[] } {
  const scripts: string[] = []
  const styles: string[] = []
  const visit = (file: string) => {
    if (scripts.includes(file)) return
    scripts.push(file)
    const output = bundle[file]
    if (output?.type !== 'chunk') return
    for (const css of output.viteMetadata?.importedCss ?? []) {
      if (!styles.includes(css)) styles.push(css)
    }
    for (const imported of output.imports) visit(imported)
  }
  visit(chunk.fileName)
  return { scripts, styles }
}

/**
 * One `<meta name="view-code">` per view but the first: its id, and the files its code needs that
 * the page does not load anyway (space-separated, relative to the page).
 */
function viewCodeTags(
  html: string,
  bundle: OutputBundle,
  firstSuffix: string,
  loaded: readonly string[] = []
): string[] {
  const tags: string[] = []
  for (const output of Object.values(bundle)) {
    if (output.type !== 'chunk' || output.facadeModuleId?.endsWith(firstSuffix)) continue
    const id = VIEW_PAGE.exec(output.facadeModuleId ?? '')?.[1]
    if (!id) continue
    const { scripts, styles } = chunkFiles(output, bundle)
    const files = [...scripts, ...styles].filter(
      (file) => !loaded.includes(file) && !html.includes(`/${file}"`)
    )
    tags.push(
      `<meta name="view-code" data-view="${id}" content="${files.map((f) => `./${f}`).join(' ')}" />`
    )
  }
  return tags.sort()
}

/** Preloads the chunk whose entry module's path ends with `moduleSuffix`. */
export function preloadFirstView(moduleSuffix: string): Plugin {
  return {
    name: 'preload-first-view',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle ?? {}
        const chunks = Object.values(bundle).filter((output) => output.type === 'chunk')
        const view = chunks.find((chunk) => chunk.facadeModuleId?.endsWith(moduleSuffix))
        if (!view) return html
        const tags: HtmlTagDescriptor[] = []
        // The chunks the main script already has the page preload are left out.
        for (const file of [view.fileName, ...view.imports]) {
          if (html.includes(`/${file}"`)) continue
          tags.push({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` },
            injectTo: 'head'
          })
        }
        // Its stylesheet linked, not only preloaded: the prerendered first screen
        // (prerender-plugin.ts) is drawn with it at the first paint.
        for (const css of view.viteMetadata?.importedCss ?? []) {
          tags.push({
            tag: 'link',
            attrs: { rel: 'stylesheet', crossorigin: true, href: `./${css}` },
            injectTo: 'head'
          })
        }
        // Right after the title, so they come before the inline boot script (prerender-plugin.ts
        // puts it after every meta), which reads them as the parser reaches it.
        const metas = viewCodeTags(html, bundle, moduleSuffix, [view.fileName, ...view.imports])
        const withMetas = html.replace(
          /^(\s*)(<title>.*<\/title>)$/m,
          (_, indent: string, title: string) =>
            [title, ...metas].map((line) => indent + line).join('\n')
        )
        return { html: withMetas, tags }
      }
    }
  }
}
