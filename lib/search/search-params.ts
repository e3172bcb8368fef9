/** The page's and the API's query string (?q=&kind=a,b&limit=) → the verb's raw input (the verb validates it). */
export interface SearchQueryInput {
  q: string;
  kinds?: string[];
  limit?: string;
}

export function searchInputFromParams(sp: URLSearchParams): SearchQueryInput {
  const kind = sp.get('kind');
  const limit = sp.get('limit');
  return {
    q: sp.get('q') ?? '',
    ...(kind ? { kinds: kind.split(',').map((k) => k.trim()).filter(Boolean) } : {}),
    ...(limit ? { limit } : {}),
  };
}
