/**
 * The one fetch-style handler that serves the app: the built renderer and the bundled data packs.
 * Electron registers it with `protocol.handle`; `serve.ts` puts it behind a loopback HTTP server,
 * so tests and benchmarks exercise exactly what the desktop app serves.
 */
// Through `fs.promises`, looked up at call time: Electron patches it to read inside app.asar.
import { promises as fs } from 'node:fs'
import { extname, join, sep } from 'node:path'

/** Where the handler reads from: the built renderer and the bundled data. */
export interface AppRoots {
  /** The built renderer (index.html and assets). */
  renderer: string
  /** The bundled data; served under /packs/. */
  resources: string
}

/** A fetch-style handler: what `protocol.handle` takes and the loopback server wraps. */
export type AppHandler = (request: Request) => Promise<Response>

/**
 * The hash of the page's one inline script (src/renderer/boot.js), set by the build
 * (scripts/boot-script.ts). Unset only where no build ran (electron.vite.config.ts importing this
 * file for the dev server, whose page has no inline script).
 */
declare const __BOOT_SCRIPT_HASH__: string | undefined
const BOOT_SCRIPT = typeof __BOOT_SCRIPT_HASH__ === 'string' ? ` ${__BOOT_SCRIPT_HASH__}` : ''

/**
 * The Content-Security-Policy: nothing remote, and nothing inline but the boot script, allowed by
 * its hash. With `devServer` (electron-vite's dev server origin, `npm run dev` only) the page may
 * also open that server's hot-reload websocket and take the styles Vite injects; nothing else is
 * added.
 */
export function contentSecurityPolicy(devServer?: string): string {
  const dev = devServer === undefined ? null : new URL(devServer)
  const socket = dev && `${dev.protocol === 'https:' ? 'wss' : 'ws'}://${dev.host}`
  return [
    "default-src 'none'",
    `script-src 'self'${BOOT_SCRIPT}`,
    dev ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    dev ? `connect-src 'self' ${socket}` : "connect-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'"
  ].join('; ')
}

/** The strict policy sent with every response of the app handler, packaged and `serve` alike. */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy()

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8'
}

/** Sent with every answer, errors included, by the handler and by the loopback server. */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin'
}

function textResponse(status: number, body: string, extra: Record<string, string> = {}): Response {
  return new Response(body, {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', ...extra }
  })
}

/**
 * Turns a URL path into safe path segments, or null when any segment is hostile:
 * undecodable, empty, a dot segment or dotfile, or holding a slash, backslash, colon or NUL.
 */
export function safeSegments(pathname: string): string[] | null {
  const raw = pathname.replace(/^\/+/, '')
  if (raw === '') return []
  const segments: string[] = []
  for (const part of raw.split('/')) {
    let decoded: string
    try {
      decoded = decodeURIComponent(part)
    } catch {
      return null
    }
    // Control characters (NUL above all) never belong in a served path.
    // eslint-disable-next-line no-control-regex
    if (decoded === '' || decoded.startsWith('.') || /[/\\:\u0000-\u001f]/.test(decoded))
      return null
    segments.push(decoded)
  }
  return segments
}

async function isInside(root: string, file: string): Promise<boolean> {
  try {
    const [realRoot, realFile] = await Promise.all([fs.realpath(root), fs.realpath(file)])
    return realFile === realRoot || realFile.startsWith(realRoot + sep)
  } catch {
    return false
  }
}

/** Creates the handler for the given roots. */
export function createAppHandler(roots: AppRoots): AppHandler {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return textResponse(405, 'Method Not Allowed', { Allow: 'GET, HEAD' })
    }
    let pathname: string
    try {
      pathname = new URL(request.url).pathname
    } catch {
      return textResponse(400, 'Bad Request')
    }
    const segments = safeSegments(pathname)
    if (segments === null) return textResponse(404, 'Not Found')

    const rest = segments.length === 0 ? ['index.html'] : segments
    const root = rest[0] === 'packs' ? roots.resources : roots.renderer
    const file = join(root, ...rest)
    if (!(await isInside(root, file))) return textResponse(404, 'Not Found')
    let info
    try {
      info = await fs.stat(file)
    } catch {
      return textResponse(404, 'Not Found')
    }
    if (!info.isFile()) return textResponse(404, 'Not Found')

    const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream'
    const headers = {
      ...SECURITY_HEADERS,
      'Content-Type': type,
      'Content-Length': String(info.size),
      'Cache-Control': 'no-cache'
    }
    if (request.method === 'HEAD') return new Response(null, { status: 200, headers })
    return new Response(new Uint8Array(await fs.readFile(file)), { status: 200, headers })
  }
}
