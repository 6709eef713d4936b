// PLACEHOLDER
import {slugify} from '../../adapters/slug.js'
export function topicSlug(name: string): string { return slugify(name) }
