import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { formatIssue, type ContentIssue } from '../../src/content/content-issue'
import { loadCourse } from '../../src/content/load-course'
import { runScenario } from '../../src/content/run-scenario'

const repoRoot = join(import.meta.dirname, '..', '..')
const made: string[] = []

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
})

// Writes a small course into a fresh temporary package root.
function writeRoot(files: Readonly<Record<string, string>>): string {
  const root = mkdtempSync(join(tmpdir(), 'kms-course-'))
  made.push(root)
  mkdirSync(join(root, 'lessons'))
  mkdirSync(join(root, 'scenarios'))

  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), text)
  }

  return root
}

function scenario(id: string, lesson: string): string {
  return `formatVersion: 1
id: ${id}
title: A look at ${id}
summary: One step.
lesson: ${lesson}
setup:
  accounts:
    - id: "111122223333"
      users: [{ name: alice }]
  keys:
    - ref: orders-key
      policy: { template: default }
steps:
  - as: user/alice
    do: { kms: DescribeKey, args: { KeyId: orders-key } }
`
}

type LessonEntry = {
  id: string
  title?: string
  file: string
  scenarios: string[]
  hints?: string[]
}

function manifest(lessons: readonly LessonEntry[]): string {
  const full = lessons.map((lesson) => ({ title: 'A lesson', hints: ['A hint.'], ...lesson }))

  return JSON.stringify({ formatVersion: 1, lessons: full }, null, 2)
}

// A clean two-lesson course; tests break one part of it.
function cleanFiles(): Record<string, string> {
  return {
    'lessons/course.json': manifest([
      { id: 'basics', file: '01-basics.md', scenarios: ['first-look', 'second-look'] },
      { id: 'grants', file: '02-grants.md', scenarios: ['grant-look'] },
    ]),
    'lessons/01-basics.md': '# Basics\n',
    'lessons/02-grants.md': '# Grants\n',
    'scenarios/first-look.yaml': scenario('first-look', 'basics'),
    'scenarios/second-look.yaml': scenario('second-look', 'basics'),
    'scenarios/grant-look.yaml': scenario('grant-look', 'grants'),
  }
}

// The clean course with one file added or replaced.
function withFile(path: string, text: string): string {
  return writeRoot({ ...cleanFiles(), [path]: text })
}

function issuesOf(root: string): readonly ContentIssue[] {
  const result = loadCourse(root)
  if (result.ok) throw new Error('expected the course to fail to load')

  return result.issues
}

// Issues without the temporary root, so they compare as `file:line:col pointer: message`.
function linesOf(root: string): readonly string[] {
  return issuesOf(root).map((issue) => formatIssue(issue).replace(root + '/', ''))
}

describe('loadCourse', () => {
  it('loads the shipped course with every scenario and no issues', () => {
    const result = loadCourse(repoRoot)
    if (!result.ok) throw new Error(result.issues.map(formatIssue).join('\n'))

    const listed = result.course.lessons.flatMap((lesson) => lesson.scenarios)
    expect(result.scenarios.map((s) => s.id)).toEqual(listed)
    expect(listed.length).toBeGreaterThanOrEqual(14)
  })

  it('returns the scenarios in course order when the course is clean', () => {
    const result = loadCourse(writeRoot(cleanFiles()))
    if (!result.ok) throw new Error(result.issues.map(formatIssue).join('\n'))

    expect(result.course.lessons.map((lesson) => lesson.id)).toEqual(['basics', 'grants'])
    expect(result.scenarios.map((s) => s.id)).toEqual(['first-look', 'second-look', 'grant-look'])
    expect(Object.isFrozen(result.course.lessons[0]?.hints)).toBe(true)
  })

  it('reports the line and column when course.json is not valid JSON', () => {
    const broken = '{\n  "formatVersion": 1,\n  "lessons": [\n    { "id": "basics", }\n  ]\n}\n'
    const root = withFile('lessons/course.json', broken)

    expect(issuesOf(root)).toContainEqual(
      expect.objectContaining({
        file: join(root, 'lessons', 'course.json'),
        line: 4,
        column: 23,
        code: 'json-syntax',
        message: expect.stringContaining('invalid JSON'),
      }),
    )
  })

  it('reports a missing course.json as file-not-found', () => {
    const { 'lessons/course.json': _, ...rest } = cleanFiles()

    expect(issuesOf(writeRoot(rest))).toContainEqual(
      expect.objectContaining({ code: 'file-not-found', pointer: '' }),
    )
  })

  it('reports schema problems with pointers and suggestions', () => {
    const course = JSON.parse(manifest([
      { id: 'basics', file: '01-basics.md', scenarios: ['first-look', 'second-look'], hints: [] },
      { id: 'grants', file: '02-grants.md', scenarios: [] },
    ])) as { lessons: Record<string, unknown>[] }
    course.lessons[1]!.hitns = ['typo']
    const root = withFile('lessons/course.json', JSON.stringify(course, null, 2))

    const issues = issuesOf(root)
    const schema = issues.filter((issue) => issue.code === 'schema').map((i) => i.pointer)
    expect(schema).toEqual(['/lessons/0/hints', '/lessons/1/scenarios', '/lessons/1/hitns'])
    expect(linesOf(root)).toContain(
      'lessons/course.json:22:7 /lessons/1/hitns: unknown field `hitns` (did you mean `hints`?)',
    )
  })

  it('reports a lesson whose Markdown file does not exist', () => {
    const { 'lessons/02-grants.md': _, ...rest } = cleanFiles()
    const root = writeRoot(rest)

    expect(issuesOf(root)).toEqual([
      expect.objectContaining({
        file: join(root, 'lessons', 'course.json'),
        pointer: '/lessons/1/file',
        code: 'file-not-found',
      }),
    ])
  })

  it('suggests the nearest id when a lesson lists an unknown scenario', () => {
    const course = manifest([
      { id: 'basics', file: '01-basics.md', scenarios: ['first-look', 'second-look'] },
      { id: 'grants', file: '02-grants.md', scenarios: ['grant-look', 'grant-lok'] },
    ])
    const root = withFile('lessons/course.json', course)

    expect(linesOf(root)).toEqual([
      'lessons/course.json:25:9 /lessons/1/scenarios/1: unknown scenario "grant-lok" ' +
        '(did you mean "grant-look"?): no file in scenarios/ has this id',
    ])
  })

  it('reports a scenario file that no lesson lists', () => {
    const root = withFile('scenarios/stray.yaml', scenario('stray', 'basics'))

    expect(linesOf(root)).toEqual([
      'scenarios/stray.yaml:2:5 /id: scenario "stray" is not in the course: ' +
        `list it under a lesson's "scenarios" in lessons/course.json`,
    ])
  })

  it('reports a lesson Markdown file that no lesson names', () => {
    const root = withFile('lessons/03-extra.md', '# Extra\n')

    expect(issuesOf(root)).toEqual([
      expect.objectContaining({ file: join(root, 'lessons', '03-extra.md'), code: 'orphaned' }),
    ])
  })

  it('reports a scenario whose lesson field names another lesson', () => {
    const root = withFile('scenarios/grant-look.yaml', scenario('grant-look', 'basics'))

    expect(linesOf(root)).toEqual([
      'scenarios/grant-look.yaml:5:9 /lesson: lesson "basics" does not list this scenario; ' +
        'lessons/course.json lists it under "grants": write lesson: grants',
    ])
  })

  it('reports duplicate lesson ids, files and scenario listings', () => {
    const course = manifest([
      { id: 'basics', file: '01-basics.md', scenarios: ['first-look', 'second-look'] },
      { id: 'basics', file: '01-basics.md', scenarios: ['grant-look', 'first-look'] },
    ])
    const files: Record<string, string> = { ...cleanFiles(), 'lessons/course.json': course }
    delete files['lessons/02-grants.md']
    files['scenarios/grant-look.yaml'] = scenario('grant-look', 'basics')
    const root = writeRoot(files)

    const duplicates = issuesOf(root).filter((issue) => issue.code === 'duplicate-id')
    expect(duplicates.map((issue) => issue.pointer)).toEqual([
      '/lessons/1/id',
      '/lessons/1/file',
      '/lessons/1/scenarios/1',
    ])
  })

  it('reports two scenario files with the same id', () => {
    const root = withFile('scenarios/copy.yaml', scenario('first-look', 'basics'))

    expect(linesOf(root)).toEqual([
      'scenarios/copy.yaml:2:5 /id: scenario id "first-look" does not match the file name ' +
        'copy.yaml: rename the file to first-look.yaml',
      'scenarios/first-look.yaml:2:5 /id: ' +
        'scenario id "first-look" is used by another scenario file',
    ])
  })

  it('reports every problem at once, including those inside scenario files', () => {
    const badStep = scenario('second-look', 'basics').replace('user/alice', 'user/alcie')
    const root = writeRoot({
      ...cleanFiles(),
      'lessons/99-orphan.md': '# Orphan\n',
      'scenarios/second-look.yaml': badStep,
      'scenarios/stray.yaml': scenario('stray', 'grants'),
    })

    const codes = issuesOf(root).map((issue) => `${issue.code} ${issue.file.replace(root, '')}`)
    expect(codes).toEqual([
      'orphaned /lessons/99-orphan.md',
      'unknown-ref /scenarios/second-look.yaml',
      'orphaned /scenarios/stray.yaml',
    ])
  })
})

// The shipped content keeps the house conventions (STYLE.md 3.11).
describe('shipped lessons and scenarios', () => {
  const result = loadCourse(repoRoot)
  const lessons = result.ok ? result.course.lessons : []
  const cases = (result.ok ? result.scenarios : []).map((s) => [s.id, s] as const)

  it.each(lessons)('lesson $id has the four headings and at most 80 lines', (lesson) => {
    const text = readFileSync(join(repoRoot, 'lessons', lesson.file), 'utf8')
    const headings = text.split('\n').filter((line) => line.startsWith('## '))

    expect(headings).toEqual(['## The idea', '## Try it', '## What just happened', '## Read more'])
    expect(text.trimEnd().split('\n').length).toBeLessThanOrEqual(80)
  })

  it.each(lessons)('lesson $id names each of its scenarios under Try it', (lesson) => {
    const text = readFileSync(join(repoRoot, 'lessons', lesson.file), 'utf8')
    const tryIt = text.split('## Try it')[1]?.split('## What just happened')[0] ?? ''

    for (const id of lesson.scenarios) expect(tryIt).toContain(`\`${id}\``)
  })

  it.each(cases)('scenario %s narrates every step', (_, s) => {
    const silent = s.steps.flatMap((step, i) => (step.narration?.trim() ? [] : [i]))

    expect(silent).toEqual([])
  })

  it.each(cases)('scenario %s expects on every KMS step', (_, s) => {
    const open = s.steps.flatMap((step, i) => (step.do.kind === 'kms' && !step.expect ? [i] : []))

    expect(open).toEqual([])
  })
})

// Every prediction's answer is what the step really decided, so a learner who
// reasons correctly is told so. (shipped-scenarios.test.ts checks the expectations.)
describe('shipped scenarios replayed', () => {
  const result = loadCourse(repoRoot)
  const cases = (result.ok ? result.scenarios : []).map((s) => [s.id, s] as const)

  it.each(cases)('%s predicts what the step decides', async (_, s) => {
    const run = await runScenario(s)
    const wrong = run.results.flatMap((step) => {
      const answer = step.step.predict?.answer
      const outcome = step.status === 'denied' ? 'denied' : 'allowed'

      return answer === undefined || answer === outcome ? [] : [`${step.index}: ${outcome}`]
    })

    expect(wrong).toEqual([])
  })

  it.each(cases)('%s asks at most two predictions', (_, s) => {
    expect(s.steps.filter((step) => step.predict).length).toBeLessThanOrEqual(2)
  })
})
