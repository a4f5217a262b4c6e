/**
 * Returns the same string, flattened. V8 keeps a string built with `+=` as a tree of pieces
 * and walks the whole tree each time the string is copied into a bigger one; for HTML cached
 * once and reused on tens of thousands of pages (chart bars, a product's column), flattening
 * it once halves the cost of each use. Converting a string to a number makes V8 flatten it in
 * place (the trick of the `flatstr` package), and leaves its text exactly as it was.
 * @example flatString(parts.reduce((html, part) => html + part, "")) // the same text, one piece
 */
export function flatString(text: string): string {
  Number(text);
  return text;
}
