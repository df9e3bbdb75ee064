/**
 * The first screen prerendered at build time, as a Vite plugin for the renderer: the shell and the
 * reader's first sections are rendered with `svelte/server` from the pack the build validated and
 * written into index.html's `#app`, hidden (the reader's stylesheet is linked). A tiny inline
 * script (src/renderer/boot.js) shows them before the first paint when the start will be the
 * reader at its top; the live app then takes their place (lib/page.ts `endPrerender`).
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
 * The head, ordered for the first paint: the boot script inline (src/renderer/boot.js; it runs as
 * the parser reaches it, with no request to wait for), then the stylesheets and the fonts'
 * preloads. The app's code and the pack are not requested by the page itself: they are named in
 * `<meta name="app-code">` (the entry first, then what it preloads), and the boot script asks for
 * them at once, or after the prerender's first paint when it shows the prerender (measured: asked
 * for beside the first paint's files, they held it back by about 60 ms on a cold start).
 */
export function bootFirst(html: string, boot: string): string {
  const end = html.indexOf('</head>')
  const lines = html.slice(0, end).split('\n')
  const entry = lines.findIndex((line) => line.includes('<script type="module"'))
  if (entry < 0) throw new Error('index.html has no module script')
  const indent = /^\s*/.exec(lines[entry] ?? '')?.[0] ?? ''
  const href = (line: string) => /(?:src|href)="([^"]+)"/.exec(line)?.[1] ?? ''
  const isCode = (line: string) =>
    /^\s*<link rel="modulepreload"|^\s*<link rel="preload"[^>]*as="fetch"/.test(line)
  const waits = (line: string) =>
    /^\s*<link rel="stylesheet"|^\s*<link rel="preload"[^>]*as="font"/.test(line)
  const code = [href(lines[entry] ?? ''), ...lines.filter(isCode).map(href)]
  if (code.some((file) => file === '' || file.includes(' ') || file.includes('"'))) {
    throw new Error(`index.html names a file the boot script cannot ask for: ${code.join(', ')}`)
  }
  const rest = lines.filter(
    (line, at) => at !== entry && !isCode(line) && !waits(line) && line.trim() !== ''
  )
  const head = [
    ...rest,
    `${indent}<meta name="app-code" content="${code.join(' ')}" />`,
    `${indent}<script>${boot}</script>`,
    ...lines.filter(waits).map((line) => indent + line.trim())
  ]
  return head.join('\n') + html.slice(end)
}

/** Writes the prerendered first screen into the page (first-view-plugin.ts links its stylesheet). */
export function prerenderFirstScreen(options: {
  rendererRoot: string
  packPath: string
  define: Record<string, string>
  /** The boot script's text (scripts/boot-script.ts), inlined as is: the CSP hashes it. */
  boot: string
}): Plugin {
  return {
    name: 'prerender-first-screen',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      async handler(html) {
        const body = await renderFirstScreen(options.rendererRoot, options.packPath, options.define)
        // `hidden` until the stylesheets say otherwise: before they arrive the parser's end laid out
        // the whole screen unstyled (16 ms in a trace of a cold start) only to hide it again.
        const target = '<div id="app"></div>'
        if (!html.includes(target)) throw new Error(`index.html has no ${target}`)
        return bootFirst(
          html.replace(
            target,
            `<div id="app"><div id="${PRERENDER_ID}" hidden>${body}</div></div>`
          ),
          options.boot
        )
      }
    }
  }
}
