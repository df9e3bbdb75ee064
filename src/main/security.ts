import { app, session, shell, type WebContents } from 'electron'
import { isAllowedExternalUrl, isTrustedUrl } from './origin'

/** What the guards need to know: the dev server (if any) and the hosts links may open. */
export interface SecurityOptions {
  devOrigin: string | null
  externalHosts: ReadonlySet<string>
}

/** Hands a link to the system browser when the allow-list permits it; says whether it did. */
export function openExternalIfAllowed(url: string, hosts: ReadonlySet<string>): boolean {
  if (!isAllowedExternalUrl(url, hosts)) return false
  void shell.openExternal(url)
  return true
}

/**
 * True for a request the app may make: its own schemes, and the dev server under `npm run dev`.
 * Anything that would reach the network is refused, a second wall behind the CSP.
 */
export function isAllowedRequest(url: string, devOrigin: string | null): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (!['http:', 'https:', 'ws:', 'wss:', 'ftp:'].includes(parsed.protocol)) return true
  return devOrigin !== null && parsed.host === new URL(devOrigin).host
}

/** The guards every web contents gets: it stays on the app, opens nothing, embeds nothing. */
export function guardContents(contents: WebContents, options: SecurityOptions): void {
  const trusted = (url: string) => isTrustedUrl(url, options.devOrigin)
  contents.on('will-navigate', (event) => {
    if (trusted(event.url)) return
    event.preventDefault()
    openExternalIfAllowed(event.url, options.externalHosts)
  })
  contents.on('will-frame-navigate', (event) => {
    if (!trusted(event.url)) event.preventDefault()
  })
  contents.on('will-redirect', (event) => {
    if (!trusted(event.url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    openExternalIfAllowed(url, options.externalHosts)
    return { action: 'deny' }
  })
}

/** Electron's security checklist, applied to the session and to every web contents created. */
export function setupSecurity(options: SecurityOptions): void {
  const ses = session.defaultSession
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  // Only network schemes are watched: app:// requests never pass through a webRequest listener.
  ses.webRequest.onBeforeRequest(
    { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] },
    (details, callback) => callback({ cancel: !isAllowedRequest(details.url, options.devOrigin) })
  )
  app.on('web-contents-created', (_event, contents) => guardContents(contents, options))
}
