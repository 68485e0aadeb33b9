/**
 * A clip's themes as typed in one field ("Parcours, Motivation"): split on commas, trimmed,
 * each once. One home for the create and the edit forms.
 */
export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((tag) => tag.trim())
        .filter(Boolean),
    ),
  ];
}

/** The themes back as the text of that field. */
export function tagsText(tags: readonly string[]): string {
  return tags.join(', ');
}
