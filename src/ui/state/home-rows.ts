import { isCompleted, type Progress } from '../progress/progress'
import type { CatalogLesson, CatalogScenario } from './app-state'

/** One line of the Home list: a lesson, or one of its scenarios. */
export type HomeRow =
  | { readonly kind: 'lesson'; readonly number: number; readonly lesson: CatalogLesson }
  | {
      readonly kind: 'scenario'
      readonly number: number
      readonly lesson: CatalogLesson
      readonly scenario: CatalogScenario
    }

/** The Home list in course order: each lesson followed by its scenarios. */
export function homeRows(lessons: readonly CatalogLesson[]): readonly HomeRow[] {
  return lessons.flatMap((lesson, i) => [
    { kind: 'lesson' as const, number: i + 1, lesson },
    ...lesson.scenarios.map((scenario) => ({
      kind: 'scenario' as const,
      number: i + 1,
      lesson,
      scenario,
    })),
  ])
}

/** The scenario a row opens: itself, or a lesson's first scenario not yet completed. */
export function rowTarget(
  row: HomeRow,
  progress: Progress,
): { readonly scenarioId: string; readonly lessonId: string } | undefined {
  if (row.kind === 'scenario') return { scenarioId: row.scenario.id, lessonId: row.lesson.id }

  const scenarios = row.lesson.scenarios
  const next = scenarios.find((scenario) => !isCompleted(progress, scenario.id)) ?? scenarios[0]

  return next && { scenarioId: next.id, lessonId: row.lesson.id }
}

/** The row of a scenario, or 0 when it is not listed. */
export function rowOfScenario(rows: readonly HomeRow[], id: string | undefined): number {
  const index = rows.findIndex((row) => row.kind === 'scenario' && row.scenario.id === id)

  return Math.max(0, index)
}
