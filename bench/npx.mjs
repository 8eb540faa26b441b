// A cold `npx` of the packed tarball: empty npm cache, nothing installed.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'

export default async function benchNpx() {
  const folder = mkdtempSync(join(tmpdir(), 'kms-sandbox-pack-'))
  execFileSync('npm', ['pack', '--silent', '--pack-destination', folder], { stdio: 'ignore' })
  const tarball = join(folder, readdirSync(folder).find((name) => name.endsWith('.tgz')))

  const env = { ...process.env, npm_config_cache: mkdtempSync(join(tmpdir(), 'kms-sandbox-npm-cache-')) }
  const start = performance.now()
  // npx takes a tarball as a package only when the path is relative (./name.tgz).
  execFileSync('npx', ['--yes', `./${basename(tarball)}`, 'list'], { cwd: folder, env, stdio: 'ignore' })
  const elapsed = performance.now() - start

  console.log(`cold npx of the packed tarball (empty npm cache), running \`list\`: ${(elapsed / 1000).toFixed(2)} s`)
}
