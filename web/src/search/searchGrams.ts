// Search that runs in plain SQL on both PGlite and a Postgres server with no extension: the
// title and summary of each metadata document, normalized, are cut into character grams (every
// character, and every pair of neighbouring characters within a word), kept in an indexed table
// (scripts/indexer/metadata/metadataTable.ts).
// A query's grams must all be there, then its words must each be a substring of the normalized
// text. Korean needs no spaces between words: "체인" is found inside "블록체인기술".

/** Words a query may hold, and characters a word may hold: enough for any real search. */
export const MAX_TERMS = 8;
export const MAX_TERM_LENGTH = 64;

/** Case, width and compatibility forms folded (NFKC, lower case), runs of spaces made one. */
export function normalizeForSearch(text: string) {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/gu, " ").trim();
}

const wordsOf = (normalized: string) => normalized.split(" ").filter(Boolean);

/** Unigrams and bigrams of `word`, by code point (an emoji or a rare Hanja is one character). */
function gramsOfWord(word: string, into: Set<string>) {
  const characters = Array.from(word);
  for (let at = 0; at < characters.length; at++) {
    into.add(characters[at]!);
    if (at + 1 < characters.length) into.add(characters[at]! + characters[at + 1]!);
  }
}

/** The grams stored for a document's normalized text. */
export function gramsOfText(normalized: string) {
  const grams = new Set<string>();
  for (const word of wordsOf(normalized)) gramsOfWord(word, grams);
  return [...grams];
}

/** A query's words (normalized, each at most MAX_TERM_LENGTH characters), or a reason it is refused. */
export function searchTerms(query: string): { terms: string[] } | { problem: "empty" | "too-many-words" | "word-too-long" } {
  const terms = [...new Set(wordsOf(normalizeForSearch(query)))];
  if (terms.length === 0) return { problem: "empty" };
  if (terms.length > MAX_TERMS) return { problem: "too-many-words" };
  if (terms.some((term) => Array.from(term).length > MAX_TERM_LENGTH)) return { problem: "word-too-long" };
  return { terms };
}

/**
 * The grams a document must hold to contain every term: a one-character word's character, a
 * longer word's bigrams (its unigrams add nothing a bigram does not already require).
 */
export function gramsOfTerms(terms: string[]) {
  const grams = new Set<string>();
  for (const term of terms) {
    const characters = Array.from(term);
    if (characters.length === 1) grams.add(term);
    else for (let at = 0; at + 1 < characters.length; at++) grams.add(characters[at]! + characters[at + 1]!);
  }
  return [...grams];
}
