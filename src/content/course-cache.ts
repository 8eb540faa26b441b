import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { CourseLoadResult } from './load-course'

// Reading and checking every scenario's YAML takes longer than a first frame
// should wait. The build stores the checked course beside the bundle, with a
// hash of every content file it came from; at start-up the files are hashed
// again (cheap) and the stored course is used only if nothing changed. Edited
// or added content always goes through the full loader and its checks.

/** Where the build puts the checked course, relative to the package root. */
export const courseCacheFile = join('dist', 'course-cache.json')

type CourseCache = {
  readonly hashes: Readonly<Record<string, string>>
  readonly loaded: Extract<CourseLoadResult, { ok: true }>
}

/**
 * The course under `root`: from the build's cache when the content is
 * unchanged, else loaded afresh. The full loader (YAML, schemas) is imported
 * only when it is needed.
 */
export async function loadCourseCached(root: string): Promise<CourseLoadResult> {
  const cached = readCache(root)
  if (cached && sameHashes(cached.hashes, hashContent(root))) return cached.loaded

  const { loadCourse } = await import('./load-course')

  return loadCourse(root)
}

/** The cache the build writes: the checked course with the hashes of its files. */
export function toCourseCache(root: string, loaded: CourseLoadResult): string {
  if (!loaded.ok) throw new Error(`The shipped course does not load: ${loaded.issues.length} problems`)

  const cache: CourseCache = { hashes: hashContent(root), loaded }

  return JSON.stringify(cache)
}

function readCache(root: string): CourseCache | undefined {
  try {
    return JSON.parse(readFileSync(join(root, courseCacheFile), 'utf8')) as CourseCache
  } catch {
    return undefined
  }
}

function hashContent(root: string): Record<string, string> {
  const hashes: Record<string, string> = {}
  for (const folder of ['lessons', 'scenarios']) {
    for (const file of filesUnder(join(root, folder))) {
      hashes[relative(root, file)] = createHash('sha256').update(readFileSync(file)).digest('hex')
    }
  }

  return hashes
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return []

  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)

    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

function sameHashes(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const keys = Object.keys(a)

  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key])
}
