// The programmatic API of kms-sandbox, for scripts, trainers and tests.

// The authorization engine: parse policies, decide requests, explain decisions.
export * from './policy'

// The in-memory KMS: createSandbox(), IAM and KMS clients, events and history.
export * from './keystore'

// AWS services acting for a user (EC2 and EBS volumes).
export * from './services'

// Envelope encryption through the AWS Encryption SDK (loaded on first use).
export * from './crypto'

// Scenarios and lessons: load, run headlessly, step through.
export { loadScenarioFile, loadScenarioText } from './content/load-scenario'
export { loadCourse } from './content/load-course'
// Used by the build to store the checked course beside the bundle.
export { courseCacheFile, loadCourseCached, toCourseCache } from './content/course-cache'
export { runScenario, ScenarioSession, type ScenarioRun, type StepResult } from './content/run-scenario'
export { formatIssue, type ContentIssue } from './content/content-issue'
export type { Scenario } from './content/scenario-schema'
