import { Box, Text } from 'ink'
import type { Decision } from '../../policy'
import { describeGrantMiss, noteMessages, verdictLabels } from '../../present/messages'
import { shortPrincipal } from '../../present/names'
import { Hanging } from './Hanging'
import { StatementList } from './StatementList'

type Props = {
  readonly decision: Decision
  readonly detailed?: boolean
  /** Principals of this account are shown without their account ID. */
  readonly homeAccount?: string
}

/**
 * Everything the engine explained about one decision: the verdict, what
 * decided it, each statement and grant, the rules in play, and the exception
 * text AWS would return. Renders only what the decision holds.
 */
export function DecisionView({ decision, detailed = true, homeAccount }: Props) {
  const allowed = decision.verdict === 'Allow'

  return (
    <Box flexDirection="column">
      <Text>
        <Text bold color={allowed ? 'green' : 'red'}>
          {verdictLabels[decision.verdict]}
        </Text>
        <Text>
          {' '}
          {shortPrincipal(decision.principal, homeAccount)} → {decision.action}
        </Text>
      </Text>
      {decision.decidedBy.length > 0 && <Text>decided by {decision.decidedBy.join(', ')}</Text>}
      <StatementList decision={decision} detailed={detailed} homeAccount={homeAccount} />
      {decision.grants.length > 0 && <Text bold>Grants</Text>}
      {decision.grants.map((grant) =>
        grant.applies ? (
          <Text key={grant.ref} color="green" bold>
            {'  ✓ '}
            {grant.ref}: allows
          </Text>
        ) : (
          <Hanging
            key={grant.ref}
            dimColor
            prefix="  · "
            text={`${grant.ref}: ${grant.misses.map(describeGrantMiss).join('; ')}`}
          />
        ),
      )}
      {decision.notes.map((note) => (
        <Text key={note} color="cyan" wrap="wrap">
          {noteMessages[note]}
        </Text>
      ))}
    </Box>
  )
}
