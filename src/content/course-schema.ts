import { z } from 'zod'
import { scenarioErrorMap } from './scenario-messages'
import { kebabId, strict, text } from './scenario-schema-kit'

// The course manifest, lessons/course.json: the only place that fixes the
// order of lessons and of the scenarios inside each lesson.

// File-name numbers are for browsing; the manifest's order is what counts.
const lessonFile = z
  .string()
  .regex(
    /^\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*\.md$/,
    'expected a Markdown file name in lessons/, such as 01-key-policy-basics.md',
  )

const lessonSchema = strict({
  id: kebabId,
  title: text,
  file: lessonFile,
  scenarios: z.array(kebabId).min(1, 'a lesson needs at least one scenario'),
  hints: z.array(text).min(1, 'a lesson needs at least one hint'),
})

/** The schema of lessons/course.json. Strict: unknown fields are errors. */
export const courseSchema = strict({
  formatVersion: z.literal(1, {
    error: (issue) =>
      issue.input === undefined
        ? undefined
        : `unsupported formatVersion ${String(issue.input)}: this sandbox reads formatVersion 1`,
  }),
  lessons: z.array(lessonSchema).min(1, 'the course needs at least one lesson'),
})

/** The error map course.json is parsed with: the scenario wording, with its own empty case. */
export function courseErrorMap(issue: z.core.$ZodRawIssue): string | undefined {
  if ((issue.path ?? []).length === 0 && issue.input == null) {
    return 'the course is empty; it starts with { "formatVersion": 1, "lessons": [ … ] }'
  }

  return scenarioErrorMap(issue)
}

type DeepReadonly<T> = T extends readonly (infer Item)[]
  ? readonly DeepReadonly<Item>[]
  : T extends object
    ? { readonly [Field in keyof T]: DeepReadonly<T[Field]> }
    : T

/** A validated course manifest. */
export type Course = DeepReadonly<z.output<typeof courseSchema>>

/** One lesson: its Markdown file, its scenarios in order, and hints shown one at a time. */
export type CourseLesson = Course['lessons'][number]
