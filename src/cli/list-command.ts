import { formatIssue } from '../content/content-issue'
import { loadCourseCached } from '../content/course-cache'
import { packageRoot } from '../content/package-root'
import { exitCodes, paintFor } from './io'

/** `kms-sandbox list`: the lessons in course order, each with its scenarios. */
export async function runListCommand(): Promise<number> {
  const loaded = await loadCourseCached(packageRoot())
  if (!loaded.ok) {
    for (const issue of loaded.issues) process.stderr.write(`${formatIssue(issue)}\n`)

    return exitCodes.badInput
  }

  const paint = paintFor(process.stdout)
  const titles = new Map(loaded.scenarios.map((scenario) => [scenario.id, scenario.title]))
  const width = Math.max(...loaded.scenarios.map((scenario) => scenario.id.length))
  const lines: string[] = []

  loaded.course.lessons.forEach((lesson, i) => {
    lines.push(`${paint.bold(`${i + 1}. ${lesson.title}`)} ${paint.dim(`(${lesson.id})`)}`)
    for (const id of lesson.scenarios) lines.push(`     ${id.padEnd(width)}  ${titles.get(id) ?? ''}`)
  })

  lines.push('', `Replay one with: kms-sandbox replay <scenario>    Learn interactively: kms-sandbox`)
  process.stdout.write(`${lines.join('\n')}\n`)

  return exitCodes.ok
}
