import { session } from 'electron'
import { contentSecurityPolicy } from './app-handler'

/**
 * Under `npm run dev` the page comes from electron-vite's dev server, which sends no CSP: give its
 * answers the dev policy (the app's own, plus exactly that server's websocket). No-op otherwise.
 */
export function setupDevServer(devOrigin: string | null): void {
  if (devOrigin === null) return
  const policy = contentSecurityPolicy(devOrigin)
  session.defaultSession.webRequest.onHeadersReceived(
    { urls: [`${devOrigin}/*`] },
    (details, callback) => {
      const headers = Object.fromEntries(
        Object.entries(details.responseHeaders ?? {}).filter(
          ([name]) => name.toLowerCase() !== 'content-security-policy'
        )
      )
      callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [policy] } })
    }
  )
}
