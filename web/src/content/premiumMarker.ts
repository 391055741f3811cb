/** Where an article's free part ends and its premium part begins: a line of its own in the Markdown. */
export const PREMIUM_MARKER = "<!-- premium -->";
