/** The RematchRun fields the pages show (progress of a background rematch). */
export const RUN_SELECT = {
  id: true, status: true, total: true, done: true, matched: true, error: true, createdAt: true, startedAt: true, finishedAt: true,
} as const;

export interface RunView {
  id: string;
  status: string;
  total: number;
  done: number;
  matched: number;
  error: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}
