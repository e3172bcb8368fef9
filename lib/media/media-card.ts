/**
 * A neutral stand-in preview for media we do not decode (video, audio, formats sharp cannot read safely):
 * nothing from the file's content reaches the card, only its type and size.
 */
import sharp from 'sharp';

const WIDTH = 480;
const HEIGHT = 270;

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export async function renderMediaCard(title: string, subtitle: string): Promise<Buffer> {
  // The play triangle keeps the card meaningful even on a host without fonts.
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">
  <rect width="100%" height="100%" fill="#2b2f36"/>
  <circle cx="240" cy="105" r="44" fill="#3d434c"/>
  <path d="M226 83 L262 105 L226 127 Z" fill="#9aa3ad"/>
  <text x="240" y="190" text-anchor="middle" font-family="DejaVu Sans, Arial, sans-serif" font-size="22" fill="#e6e9ed">${escapeXml(title)}</text>
  <text x="240" y="222" text-anchor="middle" font-family="DejaVu Sans, Arial, sans-serif" font-size="15" fill="#9aa3ad">${escapeXml(subtitle)}</text>
</svg>`;
  return sharp(Buffer.from(svg)).webp({ quality: 80 }).toBuffer();
}
