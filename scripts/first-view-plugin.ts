/**
 * The first view's code, announced in the page: a Vite plugin for the renderer that adds a
 * `modulepreload` for the chunk of the view the app opens with (and the chunks it imports) and a
 * link to its stylesheet, so they load beside the main script instead of after it has run.
 */
import type { HtmlTagDescriptor, Plugin } from 'vite'

/** Preloads the chunk whose entry module's path ends with `moduleSuffix`. */
export function preloadFirstView(moduleSuffix: string): Plugin {
  return {
    name: 'preload-first-view',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const chunks = Object.values(ctx.bundle ?? {}).filter((output) => output.type === 'chunk')
        const view = chunks.find((chunk) => chunk.facadeModuleId?.endsWith(moduleSuffix))
        if (!view) return []
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
        return tags
      }
    }
  }
}
