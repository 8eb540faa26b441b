import { suggest } from '../shared/suggest'
import { kmsActionNames } from './kms-actions'
import type { PolicyDocument } from './policy-document'

/** Something in a policy that AWS accepts but that almost certainly is a mistake. */
export type PolicyWarning = {
  /** How the statement is named in explanations: its Sid, or `#index`. */
  readonly statement: string
  readonly kind: 'unknown-kms-action'
  readonly action: string
  /** The KMS permission closest to it, when one is close. */
  readonly suggestion?: string
}

/**
 * Finds `kms:` actions that name no KMS permission, such as `kms:Decyrpt`.
 * AWS stores such a policy without complaint, and the statement then never
 * matches the request it was meant for, which is a common cause of a puzzling
 * AccessDenied. Wildcard patterns are left alone.
 */
export function lintPolicy(policy: PolicyDocument): readonly PolicyWarning[] {
  const known = new Set(kmsActionNames.map((name) => name.toLowerCase()))
  const warnings: PolicyWarning[] = []

  for (const statement of policy.statements) {
    for (const pattern of [...(statement.actions ?? []), ...(statement.notActions ?? [])]) {
      const [service, name = ''] = pattern.source.split(':')
      if (service?.toLowerCase() !== 'kms' || /[*?]/.test(name) || known.has(name.toLowerCase())) continue

      const suggestion = suggest(name, kmsActionNames)
      warnings.push({
        statement: statement.sid ?? `#${statement.index}`,
        kind: 'unknown-kms-action',
        action: pattern.source,
        ...(suggestion ? { suggestion: `kms:${suggestion}` } : {}),
      })
    }
  }

  return warnings
}
