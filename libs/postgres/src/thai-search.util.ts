/*
 * Thai-aware matching in SQL. What "the same spelling" means (NFC, zero-width characters removed,
 * ํ + า composed into ำ, Thai digits read as Arabic) is written once, as the SQL function
 * saraban_search_norm (migration ThaiMemoSearch); the indexed text and the typed term both pass
 * through it, so the term is never normalised in TypeScript.
 */

/** The typed term with LIKE's wildcards taken literally (to bind as a parameter). */
export function likeEscaped(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** SQL: the normalised form of a text expression (the one the trigram indexes are built on). */
export function thaiSearchNormSql(expression: string): string {
  return `saraban_search_norm(${expression})`;
}

/** SQL: an ILIKE pattern "anywhere in the text" for a parameter holding `likeEscaped(term)`. */
export function thaiSearchPatternSql(param: string): string {
  return `('%' || saraban_search_norm(${param}::text) || '%')`;
}
