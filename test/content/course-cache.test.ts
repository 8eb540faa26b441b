import { appendFileSync, cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { courseCacheFile, loadCourseCached, toCourseCache } from '../../src/content/course-cache'
import { loadCourse } from '../../src/content/load-course'

const root = join(import.meta.dirname, '..', '..')

/** A copy of the shipped content with a cache written from it, in a temp folder. */
function copyWithCache(): string {
  const copy = mkdtempSync(join(tmpdir(), 'kms-sandbox-cache-'))
  cpSync(join(root, 'lessons'), join(copy, 'lessons'), { recursive: true })
  cpSync(join(root, 'scenarios'), join(copy, 'scenarios'), { recursive: true })
  mkdirSync(join(copy, 'dist'))
  writeFileSync(join(copy, courseCacheFile), toCourseCache(copy, loadCourse(copy)))

  return copy
}

describe('loadCourseCached', () => {
  it('uses the stored course when no content file changed', async () => {
    const copy = copyWithCache()

    // A cache whose title differs proves the course came from it, not the files.
    const cache = JSON.parse(toCourseCache(copy, loadCourse(copy))) as { loaded: { course: { lessons: { title: string }[] } } }
    cache.loaded.course.lessons[0]!.title = 'from the cache'
    writeFileSync(join(copy, courseCacheFile), JSON.stringify(cache))

    const loaded = await loadCourseCached(copy)

    expect(loaded.ok && loaded.course.lessons[0]?.title).toBe('from the cache')
  })

  it('loads the files afresh when a scenario was edited after the build', async () => {
    const copy = copyWithCache()
    appendFileSync(join(copy, 'scenarios', 'key-states.yaml'), '\n# edited\n')
    writeFileSync(join(copy, courseCacheFile), toCourseCache(root, loadCourse(root)).replace(/"title":"[^"]*"/, '"title":"stale"'))

    const loaded = await loadCourseCached(copy)

    expect(loaded.ok && loaded.course.lessons[0]?.title).not.toBe('stale')
    expect(loaded.ok).toBe(true)
  })

  it('loads the files when there is no cache at all', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'kms-sandbox-nocache-'))
    cpSync(join(root, 'lessons'), join(copy, 'lessons'), { recursive: true })
    cpSync(join(root, 'scenarios'), join(copy, 'scenarios'), { recursive: true })

    expect((await loadCourseCached(copy)).ok).toBe(true)
  })
})
