import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The folder of the kms-sandbox package, holding scenarios/ and lessons/:
 * found by walking up from this module, so it works from src/ in development,
 * from dist/ when built, and from an installed package.
 */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url))

  for (;;) {
    const manifest = join(dir, 'package.json')
    if (existsSync(manifest) && isOurs(manifest)) return dir

    const parent = dirname(dir)
    if (parent === dir) return process.cwd()
    dir = parent
  }
}

function isOurs(manifest: string): boolean {
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === 'kms-sandbox'
  } catch {
    return false
  }
}
