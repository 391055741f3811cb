// A cover image for articles that bring none: a title card, so marketplaces and the front page
// always have a picture. Plain SVG, so the title stays crisp and Korean renders with system fonts.

const escapeXml = (text: string) =>
  text.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!);

/** Breaks a title into lines of about `width` characters (Hangul counts double). */
function wrap(title: string, width: number) {
  const lines: string[] = [];
  let line = "";
  const weight = (text: string) => [...text].reduce((sum, c) => sum + (/[\u1100-\uFFDC]/.test(c) ? 2 : 1), 0);
  for (const word of title.split(/\s+/)) {
    if (line && weight(`${line} ${word}`) > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.length > 4 ? [...lines.slice(0, 3), `${lines[3]}…`] : lines;
}

export function coverCard(title: string, section: string, publication: string) {
  const lines = wrap(title, 28)
    .map((line, i) => `<text x="64" y="${220 + i * 64}" font-size="48" font-weight="700">${escapeXml(line)}</text>`)
    .join("");
  return new TextEncoder().encode(
    `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630">` +
      `<rect width="1200" height="630" fill="#10172a"/><rect x="0" y="600" width="1200" height="30" fill="#38bdf8"/>` +
      `<g font-family="'Noto Sans KR','Apple SD Gothic Neo',sans-serif" fill="#f8fafc">` +
      `<text x="64" y="110" font-size="28" fill="#38bdf8" letter-spacing="4">${escapeXml(section.toUpperCase())}</text>` +
      `${lines}<text x="64" y="560" font-size="28" fill="#94a3b8">${escapeXml(publication)}</text></g></svg>`,
  );
}
