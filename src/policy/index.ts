// The engine's public surface. Everything outside src/policy imports from here.
export type * from './decision'
export type * from './policy-document'
export type * from './request'
export { parsePolicy, type PolicyParseResult, type PolicyError } from './parse-policy'
export { evaluate } from './evaluate'
export { parsePrincipal, type ParsedPrincipal } from './principal-arn'
export { coversCaller } from './match-principal'
export { lintPolicy, type PolicyWarning } from './lint-policy'
