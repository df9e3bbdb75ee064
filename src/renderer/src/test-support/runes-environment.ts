/**
 * A Vitest environment for runes tests: Node (fake-indexeddb, no DOM), but modules transformed
 * as for the client, so `.svelte.ts` files compile with live effects as they do in the app.
 */
import type { Environment } from 'vitest/environments'

export default {
  name: 'runes',
  viteEnvironment: 'client',
  setup() {
    return { teardown() {} }
  }
} satisfies Environment
