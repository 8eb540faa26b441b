import { parsePrincipalRef } from './scenario-principals'

/**
 * Turns a principal as a scenario writes it (`user/alice`, `role/app/s1`,
 * `444455556666:root`, `ec2.amazonaws.com`, an ARN) into the ARN KMS sees.
 * Text that is no principal at all comes back unchanged, so KMS can refuse it.
 */
export function toPrincipalArn(text: string, homeAccount: string): string {
  const ref = parsePrincipalRef(text)
  if (!ref) return text
  if (ref.kind === 'service') return ref.service

  const account = ref.account ?? homeAccount
  if (ref.kind === 'root') return `arn:aws:iam::${account}:root`
  if (ref.kind === 'user') return `arn:aws:iam::${account}:user/${ref.name}`
  if (ref.session) return `arn:aws:sts::${account}:assumed-role/${ref.name}/${ref.session}`

  return `arn:aws:iam::${account}:role/${ref.name}`
}

/** The account a principal belongs to, defaulting to the home account. */
export function accountOfPrincipal(text: string, homeAccount: string): string {
  const ref = parsePrincipalRef(text)

  return ref && ref.kind !== 'service' ? (ref.account ?? homeAccount) : homeAccount
}
