/** Hashtags of a fake post (watch lists, issue 14), shared by the Mastodon-shaped fakes. */

/** The post's own list when it has one, else every `#tag` in its text, lower case and without '#', once each. */
export function tagsOf(post: { tags?: string[]; html: string }): string[] {
  if (post.tags) return [...new Set(post.tags.map((t) => t.replace(/^#/, '').toLowerCase()))];
  const text = post.html.replace(/<[^>]*>/g, ' ');
  return [...new Set([...text.matchAll(/(?:^|[^\p{L}\p{N}_&/])#([\p{L}\p{N}_]+)/gu)].map((m) => m[1].toLowerCase()))];
}

/** The text a search matches: the HTML without tags and the common entities decoded, lower case. */
export function searchText(html: string, spoiler = ''): string {
  const text = `${spoiler} ${html.replace(/<[^>]*>/g, ' ')}`;
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').toLowerCase();
}
