/**
 * The first screen prerendered at build time, as a Vite plugin for the renderer: the shell and the
 * reader's first sections are rendered with `svelte/server` from the pack the build validated and
 * written into index.html's `#app`, hidden (the reader's stylesheet is linked). A tiny classic
 * script (public/boot.js) shows them before the first paint when the start will be the reader at
 * its top; the live app then takes their place (lib/page.ts `endPrerender`).
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { svelte } from '@sveltejs/vite-plugin-svelte'
import { createServer, type Plugin } from 'vite'

/** The id of the element that holds the prerendered first screen (lib/page.ts removes it). */
export const PRERENDER_ID = 'prerender'

/** What the build-time render module exports (src/renderer/src/app/prerender.ts). */
interface PrerenderModule {
  prerenderFirstScreen(pack: unknown): string
}

/**
 * The browser objects the router touches as it is imported, for the length of one render: the
 * page as the app sees it on a plain start, at `#/reader` (the route the app goes to first).
 */
function withBrowserStubs<T>(work: () => Promise<T>): Promise<T> {
  const names = ['location', 'history', 'window'] as const
  const saved = names.map((name) => Object.getOwnPropertyDescriptor(globalThis, name))
  const stubs = {
    location: { hash: '#/reader' },
    history: { state: null, replaceState: () => undefined, scrollRestoration: 'manual' },
    window: { addEventListener: () => undefined, removeEventListener: () => undefined }
  }
  for (const name of names) {
    Object.defineProperty(globalThis, name, { value: stubs[name], configurable: true })
  }
  return work().finally(() =>
    names.forEach((name, i) => {
      const descriptor = saved[i]
      if (descriptor) Object.defineProperty(globalThis, name, descriptor)
      else Reflect.deleteProperty(globalThis, name)
    })
  )
}

/** Renders the first screen's HTML from the pack file with the renderer's own components. */
export async function renderFirstScreen(
  rendererRoot: string,
  packPath: string,
  define: Record<string, string>
): Promise<string> {
  const views = resolve(rendererRoot, 'src/app/views.ts')
  const server = await createServer({
    configFile: false,
    root: rendererRoot,
    logLevel: 'error',
    appType: 'custom',
    define,
    server: { middlewareMode: true, hmr: false, watch: null, ws: false },
    resolve: { alias: { $shared: resolve('src/shared') } },
    plugins: [
      svelte(),
      {
        // The shell's views, with the reader's page given at once (app/prerender-views.ts).
        name: 'prerender-views',
        enforce: 'pre',
        async resolveId(source, importer) {
          if (!importer?.endsWith('Shell.svelte') || !source.endsWith('/views')) return null
          const resolved = await this.resolve(source, importer, { skipSelf: true })
          if (resolved?.id !== views) return null
          return resolve(rendererRoot, 'src/app/prerender-views.ts')
        }
      }
    ]
  })
  try {
    const pack: unknown = JSON.parse(readFileSync(packPath, 'utf8'))
    const module = (await withBrowserStubs(() =>
      server.ssrLoadModule('/src/app/prerender.ts')
    )) as PrerenderModule
    const html = await withBrowserStubs(async () => module.prerenderFirstScreen(pack))
    return cleanMarkup(html)
  } finally {
    await server.close()
  }
}

/**
 * Drops what only hydration reads (Svelte's block comments) and the inline style attributes the
 * page's CSP refuses (`style-src 'self'`): the live app sets those through the CSSOM instead, and
 * the first screen at its top draws the same without them.
 */
export function cleanMarkup(html: string): string {
  return html.replace(/<!--[\s\S]*?-->/g, '').replace(/\sstyle="[^"]*"/g, '')
}

/**
 * What the prerendered first paint waits for goes first in <head>, before the app's code and the
 * pack: the stylesheets, the fonts' preloads, then boot.js (after the stylesheets, whose font
 * rules it asks for). The browser asks for them first, so the loopback server answers them first.
 * boot.js blocks the first paint but not the parser (`async blocking="render"`): the page is
 * parsed while the stylesheets and fonts load, instead of after them.
 */
export function firstPaintFirst(html: string): string {
  const end = html.indexOf('</head>')
  const lines = html.slice(0, end).split('\n')
  const waits = (line: string) =>
    /^\s*<link rel="stylesheet"|^\s*<link rel="preload"[^>]*as="font"/.test(line)
  const at = lines.findIndex((line) => line.includes('<script type="module"'))
  if (at < 0) throw new Error('index.html has no module script')
  const indent = /^\s*/.exec(lines[at] ?? '')?.[0] ?? ''
  const first = [
    ...lines.filter(waits).map((line) => indent + line.trim()),
    `${indent}<script src="./boot.js" async blocking="render"></script>`
  ]
  const head = [
    ...lines.slice(0, at).filter((line) => !waits(line)),
    ...first,
    ...lines.slice(at).filter((line) => !waits(line))
  ]
  return head.join('\n') + html.slice(end)
}

/** Writes the prerendered first screen into the page (first-view-plugin.ts links its stylesheet). */
export function prerenderFirstScreen(options: {
  rendererRoot: string
  packPath: string
  define: Record<string, string>
}): Plugin {
  return {
    name: 'prerender-first-screen',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      async handler(html) {
        const body = await renderFirstScreen(options.rendererRoot, options.packPath, options.define)
        const target = '<div id="app"></div>'
        if (!html.includes(target)) throw new Error(`index.html has no ${target}`)
        // The app's code and the pack keep their default priority: lowered, they made a start on
        // another view (#/timeline) wait longer for them, with no gain measured for the reader's.
        return firstPaintFirst(
          html.replace(target, `<div id="app"><div id="${PRERENDER_ID}">${body}</div></div>`)
        )
      }
    }
  }
}
