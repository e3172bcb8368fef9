/** A saved queue filter as the picker shows it. */
export interface SavedFilterItem {
  id: string;
  name: string;
  /** Queue query string without cursor and limit (e.g. "status=open&tag=spam"). */
  query: string;
  shared: boolean;
  mine: boolean;
  ownerLabel: string;
  createdAt: string;
}
