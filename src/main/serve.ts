/**
 * `npm run serve -- --port N`: the built app at http://127.0.0.1:N/, served by the same handler
 * the desktop app registers, on loopback only. For machines without Electron, tests and benchmarks.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { createAppHandler } from './app-handler'
import { createLoopbackServer } from './loopback'
import { parsePort } from './port'
import { rootsFrom } from './roots'

const HOST = '127.0.0.1'

function main() {
  const roots = rootsFrom(import.meta.url)
  if (!existsSync(join(roots.renderer, 'index.html'))) {
    console.error('The app is not built yet: run `npm run build` first.')
    process.exit(1)
  }
  let port: number
  try {
    port = parsePort(process.argv.slice(2))
  } catch (error) {
    console.error((error as Error).message)
    process.exit(2)
  }
  const server = createLoopbackServer(createAppHandler(roots))
  server.on('error', (error: NodeJS.ErrnoException) => {
    console.error(
      error.code === 'EADDRINUSE'
        ? `Port ${port} is already in use.`
        : `Server error: ${error.message}`
    )
    process.exit(1)
  })
  server.listen(port, HOST, () => {
    console.log(`Mexico–Russia Relations is served at http://${HOST}:${port}/`)
  })
  const stop = () => server.close(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main()
