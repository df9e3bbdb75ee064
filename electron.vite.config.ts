import { defineConfig } from 'electron-vite'
import { svelte } from '@sveltejs/vite-plugin-svelte'
import { resolve } from 'node:path'
import { readFileSync } from 'node:fs'
import type { Plugin } from 'vite'
import { createAppHandler } from './src/main/app-handler'
import { packAtBuildTime } from './scripts/pack-build-plugin'
import { preloadFirstView } from './scripts/first-view-plugin'
import { prerenderFirstScreen } from './scripts/prerender-plugin'
import { bootScript, bootScriptHash } from './scripts/boot-script'

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }
const define = { __APP_VERSION__: JSON.stringify(version) }
const PACK = 'resources/packs/mexico-russia/pack.json'

/**
 * `npm run dev`: the dev server answers /packs/ from resources/ through the app's own handler, as
 * app:// does, so the page under hot reload loads the same pack the same way.
 */
function servePacks(): Plugin {
  return {
    name: 'serve-packs',
    apply: 'serve',
    configureServer(server) {
      const handler = createAppHandler({
        renderer: resolve('out/renderer'),
        resources: resolve('resources')
      })
      server.middlewares.use((req, res, next) => {
        const target = req.url ?? '/'
        if (!target.startsWith('/packs/')) return next()
        handler(new Request(`http://localhost${target}`, { method: req.method }))
          .then(async (response) => {
            res.statusCode = response.status
            response.headers.forEach((value, name) => res.setHeader(name, value))
            res.end(Buffer.from(await response.arrayBuffer()))
          })
          .catch(next)
      })
    }
  }
}

export default defineConfig({
  main: {
    // The CSP allows the page's one inline script by its hash (src/main/app-handler.ts).
    define: { __BOOT_SCRIPT_HASH__: JSON.stringify(bootScriptHash()) },
    build: {
      rolldownOptions: {
        input: { index: resolve('src/main/index.ts'), serve: resolve('src/main/serve.ts') }
      }
    }
  },
  preload: {
    build: {
      rolldownOptions: { output: { format: 'cjs', entryFileNames: '[name].cjs' } }
    }
  },
  renderer: {
    plugins: [
      svelte(),
      servePacks(),
      packAtBuildTime(PACK, './packs/mexico-russia/pack.json'),
      // The app opens on the reader (a new profile, and most starts): its code loads at once.
      preloadFirstView('features/reader/ReaderPage.svelte'),
      // …and its first screen is in the HTML, drawn before any script runs (from the same pack).
      prerenderFirstScreen({
        rendererRoot: resolve('src/renderer'),
        packPath: PACK,
        define,
        boot: bootScript()
      })
    ],
    define,
    resolve: { alias: { $shared: resolve('src/shared') } },
    // PROFILE_BUILD=1 keeps names readable for bench/profile.mjs; every other build is minified.
    build: { minify: !process.env.PROFILE_BUILD, sourcemap: false }
  }
})
