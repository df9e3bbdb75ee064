import { defineConfig } from 'electron-vite'
import { svelte } from '@sveltejs/vite-plugin-svelte'
import { resolve } from 'node:path'
import { readFileSync } from 'node:fs'

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
    plugins: [svelte()],
    define: { __APP_VERSION__: JSON.stringify(version) },
    resolve: { alias: { $shared: resolve('src/shared') } },
    build: { minify: true, sourcemap: false }
  }
})
