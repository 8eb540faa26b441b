import type { PathIssue } from './content-issue'
import {
  checkDuplicates,
  collectDeclarations,
  fieldOf,
  itemsOf,
  textOf,
  type Declarations,
} from './scenario-declarations'
import { findMissingAccount } from './scenario-principals'
import { checkKeyTarget, checkPrincipal } from './scenario-ref-checks'
import { checkSteps } from './scenario-step-checks'

/**
 * Cross-reference checks the schema cannot make: unique ids, and every
 * principal, key, alias and step output a scenario names actually exists.
 * Reads raw parsed YAML, so it reports alongside schema problems.
 */
export function checkScenarioRefs(data: unknown): readonly PathIssue[] {
  const declared = collectDeclarations(data)

  return [...checkDuplicates(data), ...checkSetup(data, declared), ...checkSteps(data, declared)]
}

function checkSetup(data: unknown, declared: Declarations): readonly PathIssue[] {
  const setup = fieldOf(data, 'setup')
  const issues: PathIssue[] = []

  itemsOf(fieldOf(setup, 'keys')).forEach((key, i) => {
    const at = ['setup', 'keys', i]
    const account = textOf(fieldOf(key, 'account'))
    // A malformed id is the schema's to report.
    const missing =
      account === undefined || !/^\d{12}$/.test(account)
        ? undefined
        : findMissingAccount(account, declared.accounts)
    if (missing !== undefined) {
      issues.push({ path: [...at, 'account'], code: 'unknown-ref', message: missing })
    }

    const policy = fieldOf(key, 'policy')
    if (fieldOf(policy, 'template') === 'console') {
      for (const role of ['admins', 'users']) {
        itemsOf(fieldOf(policy, role)).forEach((principal, j) => {
          issues.push(...checkPrincipal(principal, [...at, 'policy', role, j], declared))
        })
      }
    }
  })

  itemsOf(fieldOf(setup, 'grants')).forEach((grant, i) => {
    const at = ['setup', 'grants', i]
    const retiring = fieldOf(grant, 'retiringPrincipal')
    issues.push(
      ...checkKeyTarget(fieldOf(grant, 'key'), [...at, 'key'], declared),
      ...checkPrincipal(fieldOf(grant, 'grantee'), [...at, 'grantee'], declared),
      ...checkPrincipal(retiring, [...at, 'retiringPrincipal'], declared),
    )
  })

  return issues
}
