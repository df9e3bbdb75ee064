/** Parses `--port N` (default 4173); throws a readable error on anything else. */
export function parsePort(argv: string[]): number {
  const index = argv.indexOf('--port')
  if (index === -1) return 4173
  const value = Number(argv[index + 1])
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    throw new Error(`--port needs a whole number from 1 to 65535, got "${argv[index + 1] ?? ''}"`)
  }
  return value
}
