import { deepFreeze } from '../shared/deep-freeze'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { readJson } from '../shared/json-source'
import { LineCounter, parseDocument } from 'yaml'
import { sortIssues, type ContentIssue, type PathIssue } from './content-issue'
import { courseErrorMap, courseSchema, type Course } from './course-schema'
import { loadScenarioText } from './load-scenario'
import { fieldOf, itemsOf, textOf } from './scenario-declarations'
import { fromZodIssues, placeIssue } from './scenario-issues'
import { describeError, didYouMean } from './scenario-messages'
import type { Scenario } from './scenario-schema'
import { createSourceLocator, type SourceLocator } from './scenario-source-map'

/** The course with its scenarios in course order, or every problem found. */
export type CourseLoadResult =
  | { readonly ok: true; readonly course: Course; readonly scenarios: readonly Scenario[] }
  | { readonly ok: false; readonly issues: readonly ContentIssue[] }

/**
 * Loads lessons/course.json and every scenarios/*.yaml under `root`, the
 * folder that holds `lessons/` and `scenarios/` (the package root, also when
 * installed). Checks the manifest against the files: each lesson's Markdown
 * exists, each listed scenario exists and names that lesson, ids are unique,
 * and no scenario or lesson file is left out. Reports every problem at once;
 * never throws for bad content.
 */
export function loadCourse(root: string): CourseLoadResult {
  const manifestFile = join(root, 'lessons', 'course.json')
  const manifest = readManifest(manifestFile)
  const scenarioFiles = readScenarioFiles(join(root, 'scenarios'))
  const issues = [...manifest.issues, ...scenarioFiles.flatMap((file) => file.issues)]

  if (manifest.data !== undefined) {
    const checks = checkAgainstFiles(manifest.data, scenarioFiles, join(root, 'lessons'))
    issues.push(...checks.manifest.map((issue) => placeIssue(issue, manifestFile, manifest.locate)))
    issues.push(...checks.elsewhere)
  }

  if (issues.length > 0 || manifest.course === undefined) {
    return { ok: false, issues: sortIssues(issues, manifestFile) }
  }

  const byId = new Map(scenarioFiles.map((file) => [file.id, file.scenario]))
  const scenarios = manifest.course.lessons.flatMap((lesson) =>
    lesson.scenarios.flatMap((id) => byId.get(id) ?? []),
  )

  return { ok: true, course: deepFreeze(manifest.course), scenarios }
}

type Manifest = {
  readonly issues: readonly ContentIssue[]
  /** The parsed JSON, when it is valid JSON, for the checks that read it leniently. */
  readonly data?: unknown
  readonly course?: Course
  readonly locate: SourceLocator
}

function readManifest(file: string): Manifest {
  const nowhere: SourceLocator = () => ({ line: 1, column: 1 })
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    const message = `Failed to read the course manifest: ${describeError(error)}`
    return { issues: [{ file, pointer: '', code: 'file-not-found', message }], locate: nowhere }
  }

  const source = readJson(text)
  // The structure of a file with a syntax error is a guess: report that alone.
  if (!source.ok) {
    const issue = { file, ...source.position, pointer: '', code: 'json-syntax', message: source.message } as const

    return { issues: [issue], locate: nowhere }
  }

  const data = source.value
  const locate: SourceLocator = source.locate
  const parsed = courseSchema.safeParse(data, { error: courseErrorMap, reportInput: true })
  if (!parsed.success) {
    return { issues: fromZodIssues(parsed.error.issues, file, locate), data, locate }
  }

  return { issues: [], data, course: parsed.data, locate }
}

/** One scenario file as the course sees it: its id and lesson even when it fails to load. */
type ScenarioFile = {
  readonly file: string
  readonly id?: string
  readonly lesson?: string
  readonly scenario?: Scenario
  readonly issues: readonly ContentIssue[]
  readonly locate: SourceLocator
}

function readScenarioFiles(folder: string): readonly ScenarioFile[] {
  let names: readonly string[]
  try {
    names = readdirSync(folder).filter((name) => name.endsWith('.yaml')).sort()
  } catch (error) {
    return [unreadable(folder, `Failed to list scenario files: ${describeError(error)}`)]
  }

  return names.map((name) => readScenarioFile(join(folder, name)))
}

function unreadable(file: string, message: string): ScenarioFile {
  const issue: ContentIssue = { file, pointer: '', code: 'file-not-found', message }

  return { file, issues: [issue], locate: () => ({ line: 1, column: 1 }) }
}

function readScenarioFile(file: string): ScenarioFile {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    return unreadable(file, `Failed to read scenario file: ${describeError(error)}`)
  }

  const result = loadScenarioText(text, file)

  // The YAML is parsed a second time only when a problem must be placed in it,
  // or, for a file that failed to load, to read its id and lesson leniently.
  let source: { readonly raw: unknown; readonly locate: SourceLocator } | undefined
  const parsed = () => {
    if (source) return source

    const lines = new LineCounter()
    const document = parseDocument(text, { lineCounter: lines, prettyErrors: false })
    const raw: unknown = document.errors.length > 0 ? undefined : document.toJS()
    source = { raw, locate: createSourceLocator(document, lines) }

    return source
  }
  const locate: SourceLocator = (path, target) => parsed().locate(path, target)
  const id = result.ok ? result.scenario.id : textOf(fieldOf(parsed().raw, 'id'))
  const lesson = result.ok ? result.scenario.lesson : textOf(fieldOf(parsed().raw, 'lesson'))
  const issues = result.ok ? [] : result.issues

  const named = id === undefined || basename(file) === `${id}.yaml` ? [] : [idMismatch(id, file)]

  return {
    file,
    locate,
    issues: [...issues, ...named.map((issue) => placeIssue(issue, file, locate))],
    ...(id === undefined ? {} : { id }),
    ...(lesson === undefined ? {} : { lesson }),
    ...(result.ok ? { scenario: result.scenario } : {}),
  }
}

// `kms-sandbox replay <id>` finds a shipped scenario by its file name.
function idMismatch(id: string, file: string): PathIssue {
  const message =
    `scenario id "${id}" does not match the file name ${basename(file)}: ` +
    `rename the file to ${id}.yaml`

  return { path: ['id'], code: 'schema', message }
}

type Checks = {
  readonly manifest: readonly PathIssue[]
  readonly elsewhere: readonly ContentIssue[]
}

// Reads the manifest leniently, so these checks report alongside schema problems.
function checkAgainstFiles(
  data: unknown,
  scenarioFiles: readonly ScenarioFile[],
  lessonsFolder: string,
): Checks {
  const lessons = itemsOf(fieldOf(data, 'lessons'))
  const lessonIds = lessons.flatMap((lesson) => textOf(fieldOf(lesson, 'id')) ?? [])
  const listing = listScenarios(lessons, scenarioFiles)
  const usedFiles = new Set(lessons.flatMap((lesson) => textOf(fieldOf(lesson, 'file')) ?? []))

  return {
    manifest: [...checkLessons(lessons, lessonsFolder), ...listing.issues],
    elsewhere: [
      ...checkScenarioFiles(scenarioFiles, listing.listedBy, lessonIds),
      ...orphanedLessonFiles(lessonsFolder, usedFiles),
    ],
  }
}

// Lesson ids and files are unique, and each lesson's Markdown exists.
function checkLessons(lessons: readonly unknown[], lessonsFolder: string): readonly PathIssue[] {
  const ids = new Set<string>()
  const files = new Set<string>()

  return lessons.flatMap((lesson, i) => {
    const id = textOf(fieldOf(lesson, 'id'))
    const file = textOf(fieldOf(lesson, 'file'))
    const issues: PathIssue[] = []

    if (id !== undefined && ids.has(id)) {
      issues.push(duplicate(['lessons', i, 'id'], `lesson id "${id}" is used by an earlier lesson`))
    }

    if (file !== undefined && files.has(file)) {
      const message = `lesson file ${file} belongs to an earlier lesson`
      issues.push(duplicate(['lessons', i, 'file'], message))
    } else if (file !== undefined && !existsSync(join(lessonsFolder, file))) {
      const message = `lesson file ${file} not found: looked for ${join(lessonsFolder, file)}`
      issues.push({ path: ['lessons', i, 'file'], code: 'file-not-found', message })
    }

    if (id !== undefined) ids.add(id)
    if (file !== undefined) files.add(file)

    return issues
  })
}

type Listing = {
  /** The lesson that lists each scenario id first; undefined when that lesson has no id. */
  readonly listedBy: ReadonlyMap<string, string | undefined>
  readonly issues: readonly PathIssue[]
}

// Every scenario a lesson lists exists, and no scenario is listed twice.
function listScenarios(
  lessons: readonly unknown[],
  scenarioFiles: readonly ScenarioFile[],
): Listing {
  const known = [...new Set(scenarioFiles.flatMap((file) => file.id ?? []))]
  const listedBy = new Map<string, string | undefined>()
  const issues: PathIssue[] = []

  lessons.forEach((lesson, i) => {
    const lessonId = textOf(fieldOf(lesson, 'id'))

    itemsOf(fieldOf(lesson, 'scenarios')).forEach((value, j) => {
      const id = textOf(value)
      const path = ['lessons', i, 'scenarios', j]
      if (id === undefined) return

      if (listedBy.has(id)) {
        const owner = listedBy.get(id) ?? '(no id)'
        issues.push(duplicate(path, `scenario "${id}" is already listed by lesson "${owner}"`))
        return
      }

      listedBy.set(id, lessonId)
      if (!known.includes(id)) {
        const message =
          `unknown scenario "${id}"${didYouMean(id, known)}: ` +
          'no file in scenarios/ has this id'
        issues.push({ path, code: 'unknown-ref', message })
      }
    })
  })

  return { listedBy, issues }
}

// Each scenario file has its own id, is in the course, and names the lesson that lists it.
function checkScenarioFiles(
  scenarioFiles: readonly ScenarioFile[],
  listedBy: ReadonlyMap<string, string | undefined>,
  lessonIds: readonly string[],
): readonly ContentIssue[] {
  const seen = new Set<string>()

  return scenarioFiles.flatMap(({ id, lesson, file, locate }) => {
    if (id === undefined) return []

    const issues: PathIssue[] = []
    if (seen.has(id)) {
      const message = `scenario id "${id}" is used by another scenario file`
      issues.push(duplicate(['id'], message))
    }
    seen.add(id)

    const owner = listedBy.get(id)
    if (!listedBy.has(id)) {
      const message =
        `scenario "${id}" is not in the course: ` +
        `list it under a lesson's "scenarios" in lessons/course.json`
      issues.push({ path: ['id'], code: 'orphaned', message })
    } else if (lesson !== undefined && owner !== undefined && lesson !== owner) {
      const message = wrongLesson(lesson, owner, lessonIds)
      issues.push({ path: ['lesson'], code: 'lesson-mismatch', message })
    }

    return issues.map((issue) => placeIssue(issue, file, locate))
  })
}

function wrongLesson(lesson: string, owner: string, lessonIds: readonly string[]): string {
  const unknown = lessonIds.includes(lesson) ? '' : ` (no lesson has id "${lesson}")`

  return (
    `lesson "${lesson}"${unknown} does not list this scenario; ` +
    `lessons/course.json lists it under "${owner}": write lesson: ${owner}`
  )
}

function orphanedLessonFiles(folder: string, used: ReadonlySet<string>): readonly ContentIssue[] {
  const names = existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith('.md')) : []
  const message = (name: string) =>
    `lesson file ${name} is not in the course: ` +
    `name it as a lesson's "file" in lessons/course.json, or delete it`

  return names
    .filter((name) => !used.has(name))
    .sort()
    .map((name) => ({
      file: join(folder, name),
      pointer: '',
      code: 'orphaned' as const,
      message: message(name),
    }))
}

function duplicate(path: readonly (string | number)[], message: string): PathIssue {
  return { path, code: 'duplicate-id', message }
}
