import { Box, Text } from 'ink'
import type { Decision, StatementCheck } from '../../policy'
import { describeMiss, notCountedMessages, roleLabels } from '../../present/messages'
import { shortPrincipal } from '../../present/names'
import { Hanging } from './Hanging'

type Props = {
  readonly decision: Decision
  /** Show the reasons of statements that did not apply, not only that they did not. */
  readonly detailed?: boolean
  /** Principals of this account are shown without their account ID. */
  readonly homeAccount?: string
}

/**
 * The statements behind a decision, key policy first: the deciding ones
 * highlighted (green for allow, red for deny), the rest dimmed with a reason.
 */
export function StatementList({ decision, detailed = true, homeAccount }: Props) {
  const keyChecks = decision.statements.filter((check) => check.source === 'key-policy')
  const identityChecks = decision.statements.filter((check) => check.source === 'identity')
  const owners = [...new Set(identityChecks.map((check) => check.owner ?? ''))]

  return (
    <Box flexDirection="column">
      <Text bold>Key policy</Text>
      {keyChecks.length === 0 && <Text dimColor>{'  (not consulted)'}</Text>}
      {keyChecks.map((check) => (
        <StatementLine
          key={check.ref}
          check={check}
          decidedBy={decision.decidedBy}
          detailed={detailed}
        />
      ))}
      {owners.map((owner) => (
        <Box key={owner} flexDirection="column">
          <Text bold>IAM policies of {shortPrincipal(owner, homeAccount)}</Text>
          {identityChecks
            .filter((check) => check.owner === owner)
            .map((check) => (
              <StatementLine
                key={check.ref}
                check={check}
                decidedBy={decision.decidedBy}
                detailed={detailed}
              />
            ))}
        </Box>
      ))}
    </Box>
  )
}

function StatementLine({
  check,
  decidedBy,
  detailed,
}: {
  readonly check: StatementCheck
  readonly decidedBy: readonly string[]
  readonly detailed: boolean
}) {
  const name = check.sid ? `"${check.sid}"` : `#${check.index}`
  const deciding = decidedBy.includes(check.ref)

  if (!check.applies) {
    const reason = detailed ? check.misses.map(describeMiss).join('; ') : 'does not apply'

    return <Hanging dimColor prefix="  · " text={`${check.effect} ${name}: ${reason}`} />
  }

  if (check.notCountedBecause) {
    const why = notCountedMessages[check.notCountedBecause]

    return <Hanging color="yellow" prefix="  ~ " text={`${check.effect} ${name}: ${why}`} />
  }

  const denies = check.role === 'denies'

  return (
    <Hanging
      color={denies ? 'red' : 'green'}
      bold={deciding}
      prefix={denies ? '  ✗ ' : '  ✓ '}
      text={`${check.effect} ${name}: ${roleLabels[check.role]}`}
    />
  )
}
