import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** The checkout's root, and the command line the build writes. */
export const root = join(import.meta.dirname, '..', '..')
export const cli = join(root, 'dist', 'cli.js')

/** Builds dist/ when it is missing or older than any source file. */
export function buildIfStale(): void {
  if (existsSync(cli) && statSync(cli).mtimeMs >= newest(join(root, 'src'))) return

  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' })
}

function newest(folder: string): number {
  return Math.max(
    ...readdirSync(folder, { withFileTypes: true }).map((entry) => {
      const path = join(folder, entry.name)

      return entry.isDirectory() ? newest(path) : statSync(path).mtimeMs
    }),
  )
}
