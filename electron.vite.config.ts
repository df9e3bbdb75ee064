import { defineConfig } from 'electron-vite'
import { svelte } from '@sveltejs/vite-plugin-svelte'
import { resolve } from 'node:path'
import { readFileSync } from 'node:fs'
import { packAtBuildTime } from './scripts/pack-build-plugin'

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }

export default defineConfig({
  main: {
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
      packAtBuildTime('resources/packs/mexico-russia/pack.json', './packs/mexico-russia/pack.json')
    ],
    define: { __APP_VERSION__: JSON.stringify(version) },
    resolve: { alias: { $shared: resolve('src/shared') } },
    build: { minify: true, sourcemap: false }
  }
})
