// PLACEHOLDER
export function deriveHeadline(lead: string): string { return lead.slice(0, 80) }
