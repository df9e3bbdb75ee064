import { defineConfig } from 'vitest/config'
import { svelte } from '@sveltejs/vite-plugin-svelte'
import { resolve } from 'node:path'
import { bootScriptHash } from './scripts/boot-script'

export default defineConfig({
  plugins: [svelte()],
  // As the main build defines it: the CSP's hash of the page's inline script.
  define: { __BOOT_SCRIPT_HASH__: JSON.stringify(bootScriptHash()) },
  resolve: { alias: { $shared: resolve('src/shared') } },
  test: {
    environment: 'node',
    setupFiles: ['fake-indexeddb/auto'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['src/**/*.test.ts'], exclude: ['src/**/*.test.svelte.ts'] }
      },
      {
        // Runes tests: Svelte's client runtime (effects run, as in a component), still in Node.
        extends: true,
        resolve: { conditions: ['browser'] },
        test: {
          name: 'runes',
          include: ['src/**/*.test.svelte.ts'],
          environment: './src/renderer/src/test-support/runes-environment.ts'
        }
      }
    ]
  }
})
