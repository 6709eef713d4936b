// PLACEHOLDER
import type {TopicKind} from '../../model/article.js'
export interface TopicText { readonly title?: string; readonly paragraphs: readonly string[]; readonly datelinePlace?: string }
export interface ExtractedTopic { readonly name: string; readonly kind: TopicKind; readonly score: number }
export interface TopicRules { readonly placeholder?: true }
export function extractTopics(text: TopicText, options: {readonly max: number; readonly rules?: TopicRules}): ExtractedTopic[] {
  const counts = new Map<string, number>()
  for (const p of text.paragraphs) for (const m of p.matchAll(/\b(Russia|Ukraine|United States|North Korea)\b/g)) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1)
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, options.max).map(([name, score]) => ({name, kind: 'place', score}))
}
