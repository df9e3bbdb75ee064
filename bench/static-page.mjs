/**
 * The article as one static HTML page, for the startup suite's yardstick: the pack's sections and
 * paragraphs in plain HTML with one stylesheet and the same two variable fonts the reader uses,
 * written into a build's renderer folder so that build's own handler serves it.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const escape = (text) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c])

/** Writes `<renderer>/bench-static/index.html` (+ CSS) and returns its path under the origin. */
export function writeStaticPage(rendererDir, packPath) {
  const pack = JSON.parse(readFileSync(packPath, 'utf8'))
  const assets = readdirSync(join(rendererDir, 'assets'))
  const font = (prefix) => assets.find((f) => f.startsWith(prefix) && f.endsWith('.woff2'))
  const serif = font('source-serif-4-latin-wght-normal')
  const sans = font('inter-latin-wght-normal')
  const dir = join(rendererDir, 'bench-static')
  mkdirSync(dir, { recursive: true })
  writeFileSync(
    join(dir, 'static.css'),
    [
      `@font-face{font-family:'Source Serif 4 Variable';font-display:swap;font-weight:200 900;src:url(../assets/${serif}) format('woff2')}`,
      `@font-face{font-family:'Inter Variable';font-display:swap;font-weight:100 900;src:url(../assets/${sans}) format('woff2')}`,
      "body{margin:0;font-family:'Inter Variable',system-ui,sans-serif;color:#1d232b;background:#f7f5f0}",
      "article{max-width:44rem;margin:2rem auto;padding:0 1.5rem;font-family:'Source Serif 4 Variable',Georgia,serif;font-size:1.1rem;line-height:1.65}",
      'h1,h2{font-family:inherit}'
    ].join('\n')
  )
  const sections = pack.sections
    .map((section) => {
      const blocks = section.blocks
        .filter((b) => b.kind === 'paragraph')
        .map((b) => `<p class="para" data-block="${b.id}">${escape(b.text)}</p>`)
        .join('\n')
      return `<section><h2>${escape(section.title)}</h2>\n${blocks}</section>`
    })
    .join('\n')
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html>
<html lang="en"><head><meta charset="UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escape(pack.source.title)}</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="static.css"></head>
<body><article><h1>${escape(pack.source.title)}</h1>
${sections}
</article></body></html>
`
  )
  return 'bench-static/index.html'
}
