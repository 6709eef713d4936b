import {XMLValidator} from 'fast-xml-parser'

/** Why `text` is not well-formed XML, with its line; undefined when it is. */
export function xmlProblem(text: string): string | undefined {
  const result = XMLValidator.validate(text, {allowBooleanAttributes: false})
  return result === true ? undefined : `line ${result.err.line}: ${result.err.msg}`
}
