import type { KnipConfig } from 'knip'

/** Knip finds unused files, exports and dependencies; `npm run lint` runs it. */
const config: KnipConfig = {
  entry: [
    'src/main/index.ts',
    'src/main/serve.ts',
    'src/preload/index.ts',
    'src/renderer/src/main.ts',
    'src/renderer/src/**/*.worker.ts',
    // Loaded by path by the build's prerender (scripts/prerender-plugin.ts), not imported.
    'src/renderer/src/app/prerender.ts',
    'src/renderer/src/app/prerender-views.ts',
    'bench/*.mjs',
    'e2e/**/*.ts',
    'electron.vite.config.ts'
  ],
  // Read from disk by path, not imported: the bench serves vis-timeline's bundle to the page, a
  // unit test runs the workflow validator's binary; vis-data is vis-timeline's peer.
  ignoreDependencies: ['vis-timeline', 'vis-data', '@action-validator/cli'],
  // Ambient type declarations (the preload bridge, Vite's client types): read by TypeScript.
  ignore: ['src/preload/bridge.d.ts', 'src/renderer/src/env.d.ts'],
  // An export its own file also uses is part of that module's surface, not dead code.
  ignoreExportsUsedInFile: true,
  project: ['src/**/*.{ts,svelte}', 'bench/**/*.mjs', 'scripts/**/*.ts', 'e2e/**/*.ts'],
  // Svelte components: their script blocks are what imports and exports.
  compilers: {
    svelte: (text: string) =>
      [...text.matchAll(/<script[^>]*>([\S\s]*?)<\/script>/g)].map((m) => m[1]).join('\n')
  }
}

export default config
