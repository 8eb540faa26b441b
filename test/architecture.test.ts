import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

// Dependencies point one way: ui → content → crypto → keystore → policy.
// A folder may import from itself and from any folder to its right.
const order = ['cli', 'ui', 'content', 'services', 'crypto', 'keystore', 'present', 'check', 'policy']
const layerRank: Readonly<Record<string, number>> = {
  cli: 0,
  ui: 1,
  content: 2,
  services: 3,
  crypto: 3,
  keystore: 4,
  check: 4,
  present: 5,
  policy: 6,
  shared: 7,
}
const src = join(import.meta.dirname, '..', 'src')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)

    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : []
  })
}

function layerOf(file: string): string | undefined {
  const first = relative(src, file).split(/[\\/]/)[0]

  return first && first in layerRank ? first : undefined
}

describe('architecture', () => {
  it('knows the layer of every folder under src', () => {
    const folders = readdirSync(src).filter((name) => statSync(join(src, name)).isDirectory())

    expect(folders.filter((folder) => !(folder in layerRank))).toEqual([])
    expect(order.length).toBeGreaterThan(0)
  })

  it('has no import that points up the layers', () => {
    const upward: string[] = []

    for (const file of sourceFiles(src)) {
      const from = layerOf(file)
      if (!from) continue

      for (const match of readFileSync(file, 'utf8').matchAll(/from '(\.{1,2}\/[^']+)'/g)) {
        const target = layerOf(join(file, '..', match[1]!))
        if (target && target !== from && layerRank[target]! < layerRank[from]!) {
          upward.push(`${relative(src, file)} imports ${match[1]}`)
        }
      }
    }

    expect(upward).toEqual([])
  })

  it('keeps the policy engine free of other layers and of I/O', () => {
    const offenders = sourceFiles(join(src, 'policy')).filter((file) =>
      /from '(node:fs|node:child_process|react|ink|@aws-crypto)/.test(readFileSync(file, 'utf8')),
    )

    expect(offenders).toEqual([])
  })

  it('writes to the console only from the command line', () => {
    const offenders = sourceFiles(src)
      .filter((file) => layerOf(file) !== 'cli' && !file.endsWith('cli.ts'))
      .filter((file) => /\bconsole\.(log|error|warn|info)\(/.test(readFileSync(file, 'utf8')))

    expect(offenders.map((file) => relative(src, file))).toEqual([])
  })
})
