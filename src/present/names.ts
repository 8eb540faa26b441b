/**
 * `arn:aws:iam::111122223333:user/Alice` → `user/Alice`. Given the home account,
 * principals of other accounts keep their account ID: `444455556666:user/Dave`.
 */
export function shortPrincipal(arn: string, homeAccount?: string): string {
  const match = /^arn:aws[a-z-]*:(?:iam|sts)::(\d{12}):(.+)$/.exec(arn)
  if (!match) return arn

  const [, account, rest] = match

  return homeAccount === undefined || account === homeAccount ? rest! : `${account}:${rest}`
}
