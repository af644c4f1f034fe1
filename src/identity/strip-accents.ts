/**
 * Accents off, as the reference implementation does with Apache Commons' `StringUtils.stripAccents`
 * before it compares names and emails: decompose (NFD), drop combining marks, and map the
 * letters that do not decompose (ł, Ł) by hand, as Commons Lang does.
 */
export function stripAccents(text: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(text)) return text;
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ł/g, 'l').replace(/Ł/g, 'L');
}
