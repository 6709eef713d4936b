// PLACEHOLDER
export function deriveSummary(lead: string): string { return lead.slice(0, 200) }
