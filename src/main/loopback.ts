/**
 * The loopback HTTP server in front of the app handler (`npm run serve`). It answers only what a
 * browser on this machine sends to this very address: a Host of 127.0.0.1:<port> or
 * localhost:<port> (so a page on another site cannot reach it by DNS rebinding), an origin-form
 * target, GET or HEAD. Everything else is refused before the handler; every answer carries the
 * security headers, and a bad request is never logged with a stack trace.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { SECURITY_HEADERS, type AppHandler } from './app-handler'

/** Why a request is refused before it reaches the handler, or null when it may go on. */
export function refusal(
  method: string | undefined,
  target: string | undefined,
  host: string | undefined,
  port: number
): { status: number; text: string; headers?: Record<string, string> } | null {
  if (method !== 'GET' && method !== 'HEAD') {
    return { status: 405, text: 'Method Not Allowed', headers: { Allow: 'GET, HEAD' } }
  }
  // Origin-form only: "/path?query". Not absolute-form (http://x/), not "*", not "//host/".
  if (target === undefined || !target.startsWith('/') || target.startsWith('//')) {
    return { status: 400, text: 'Bad Request' }
  }
  const allowed = [`127.0.0.1:${port}`, `localhost:${port}`]
  if (host === undefined || !allowed.includes(host.toLowerCase())) {
    return { status: 421, text: 'Misdirected Request' }
  }
  return null
}

function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  extra: Record<string, string> = {}
): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    ...extra
  })
  res.end(text)
}

async function respond(handler: AppHandler, req: IncomingMessage, res: ServerResponse) {
  const port = req.socket.localPort ?? 0
  const refused = refusal(req.method, req.url, req.headers.host, port)
  if (refused) return sendText(res, refused.status, refused.text, refused.headers)
  let request: Request
  try {
    request = new Request(`http://127.0.0.1:${port}${req.url}`, { method: req.method })
  } catch {
    return sendText(res, 400, 'Bad Request')
  }
  const response = await handler(request)
  res.writeHead(response.status, Object.fromEntries(response.headers.entries()))
  if (response.body && req.method !== 'HEAD') res.end(Buffer.from(await response.arrayBuffer()))
  else res.end()
}

/** A server (not yet listening) that puts `handler` behind loopback HTTP. */
export function createLoopbackServer(handler: AppHandler): Server {
  const server = createServer((req, res) => {
    respond(handler, req, res).catch((error: unknown) => {
      // One line: the request is ours to answer, the stack is no use to whoever reads the log.
      console.error(`Could not answer ${req.method} ${req.url}: ${String(error)}`)
      if (!res.headersSent) sendText(res, 500, 'Internal Server Error')
      else res.end()
    })
  })
  // Requests Node's parser refuses still get an answer with the security headers.
  server.on('clientError', (_error, socket) => {
    if (!socket.writable) return socket.destroy()
    const headers = Object.entries({
      ...SECURITY_HEADERS,
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Length': '11',
      Connection: 'close'
    })
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('')
    socket.end(`HTTP/1.1 400 Bad Request\r\n${headers}\r\nBad Request`)
  })
  return server
}
