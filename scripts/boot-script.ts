/**
 * The page's one inline script (src/renderer/boot.js), read by the build: the renderer writes it
 * into index.html (prerender-plugin.ts) and the main process's CSP allows it by this hash alone.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'

/** The script's text, exactly as it goes between `<script>` and `</script>`. */
export function bootScript(): string {
  const text = readFileSync(resolve('src/renderer/boot.js'), 'utf8')
  if (/<\/script/i.test(text)) throw new Error('boot.js may not contain "</script"')
  return text
}

/** Its CSP source expression, `'sha256-…'`. */
export function bootScriptHash(): string {
  return `'sha256-${createHash('sha256').update(bootScript()).digest('base64')}'`
}
