import { render } from 'ink-testing-library'
import { describe, expect, it } from 'vitest'
import { evaluate } from '../../src/policy'
import { DecisionView } from '../../src/ui/components/DecisionView'
import { defaultKeyPolicy, keyArn, mustParse, who } from '../helpers/vector'

const decide = (principal: string) =>
  evaluate({
    principal: who(principal),
    action: 'kms:Decrypt',
    key: {
      arn: keyArn,
      policy: mustParse(defaultKeyPolicy, 'key'),
      grants: [{ grantId: 'g-carol', granteePrincipal: who('carol'), operations: ['Decrypt'] }],
    },
  })

describe('DecisionView', () => {
  it('shows a deny with the statement that only delegates to IAM', () => {
    const { lastFrame } = render(<DecisionView decision={decide('alice')} />)

    expect(lastFrame()).toContain('Denied by default')
    expect(lastFrame()).toContain('"Enable IAM User Permissions"')
    expect(lastFrame()?.replace(/\s+/g, ' ')).toContain('only lets IAM policies grant this')
  })

  it('credits the grant when only the grant allows', () => {
    const { lastFrame } = render(<DecisionView decision={decide('carol')} />)

    expect(lastFrame()).toContain('Allowed')
    expect(lastFrame()).toContain('✓ grant:g-carol: allows')
  })
})
