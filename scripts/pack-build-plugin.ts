/**
 * Build-time work on the article pack, as a Vite plugin for the renderer: the pack is validated
 * when the app is built (a damaged pack fails the build), and the page's HTML carries its SHA-256
 * digest and size, so the app checks the digest at load instead of validating again; it also
 * preloads the pack and the two fonts the reader draws with, so they load beside the script, not
 * after it.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { HtmlTagDescriptor, Plugin } from 'vite'
import { checkPackIntegrity } from '../src/shared/pack-integrity'
import { parsePack } from '../src/shared/pack-schema'

/** The fonts the first view draws its text with (Latin subsets of the two variable fonts). */
const FIRST_VIEW_FONTS = [
  /^assets\/source-serif-4-latin-wght-normal-.*\.woff2$/,
  /^assets\/inter-latin-wght-normal-.*\.woff2$/
]

/** Validates a pack file's text completely; returns its problems (none when it is sound). */
export function packProblems(text: string): string[] {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    return [`not valid JSON: ${(error as Error).message}`]
  }
  const parsed = parsePack(json)
  return parsed.ok ? checkPackIntegrity(parsed.pack) : parsed.problems
}

/** Checks the pack at `packPath` when the renderer is built and announces it in the HTML. */
export function packAtBuildTime(packPath: string, packUrl: string): Plugin {
  let digest = ''
  let size = 0
  return {
    name: 'pack-at-build-time',
    buildStart() {
      const bytes = readFileSync(packPath)
      const problems = packProblems(bytes.toString('utf8'))
      if (problems.length > 0) {
        this.error(`The pack ${packPath} is damaged:\n${problems.slice(0, 20).join('\n')}`)
      }
      digest = createHash('sha256').update(bytes).digest('hex')
      size = bytes.byteLength
      this.addWatchFile(packPath)
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const tags: HtmlTagDescriptor[] = [
          { tag: 'meta', attrs: { name: 'pack-sha256', content: digest }, injectTo: 'head' },
          { tag: 'meta', attrs: { name: 'pack-bytes', content: String(size) }, injectTo: 'head' },
          {
            tag: 'link',
            attrs: { rel: 'preload', href: packUrl, as: 'fetch', crossorigin: 'anonymous' },
            injectTo: 'head'
          }
        ]
        for (const file of Object.keys(ctx.bundle ?? {})) {
          if (!FIRST_VIEW_FONTS.some((pattern) => pattern.test(file))) continue
          tags.push({
            tag: 'link',
            attrs: {
              rel: 'preload',
              href: `./${file}`,
              as: 'font',
              type: 'font/woff2',
              crossorigin: 'anonymous'
            },
            injectTo: 'head'
          })
        }
        return tags
      }
    }
  }
}
