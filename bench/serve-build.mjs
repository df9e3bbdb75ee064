/**
 * Starts a build's own loopback server (`out/main/serve.js`, the handler the desktop app uses) on
 * a port and resolves with the child process once it listens; rejects if it exits first (a port
 * in use, a missing build), with the server's own message on stderr.
 */
import { spawn } from 'node:child_process'

export async function serveBuild(serveJs, port) {
  const server = spawn(process.execPath, [serveJs, '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'inherit']
  })
  await new Promise((resolve, reject) => {
    server.stdout.on('data', (chunk) => String(chunk).includes('served at') && resolve(undefined))
    server.on('exit', (code) => reject(new Error(`the server ${serveJs} exited with ${code}`)))
  })
  return server
}
