// The headless runner: replay, the content tests and the benchmarks use it.
export { runScenario, ScenarioSession, type ScenarioRun } from './scenario-session'
export type { StepResult, StepStatus } from './step-result'
export { SetupError, type World } from './build-world'
