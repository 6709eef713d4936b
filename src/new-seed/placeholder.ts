/**
 * The body `news-archive new` gives a new seed. Note: a build warns while a
 * seed still holds it (`body-placeholder`), so an article nobody wrote is
 * not published unnoticed.
 */
export const placeholderText = 'Write the article here. Separate paragraphs with a blank line.'
