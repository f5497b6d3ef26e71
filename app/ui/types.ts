// The shapes the pages receive from their loaders (JSON-serialized views of the batch service).
import type { JobState } from "../../core/batches/job-states";
import type { Box, Warning } from "../../workers/retouch/contract";

export type { JobState, Box, Warning };

export interface ImageCardView {
  id: string;
  productTitle: string;
  position: number;
  state: JobState;
  warnings: Warning[];
  warningCount: number;
  lastError: string | null;
  thumbUrl: string | null;
}

export interface BatchSummaryView {
  id: string;
  title: string;
  status: string;
  total: number;
  counts: Partial<Record<JobState, number>>;
  createdAt: string;
}

export interface SpotView {
  id: number;
  box: Box;
  area: number;
  reason: string;
  /** Held back by the engine (a suggestion): "pattern" or "shading" (workers/retouch/report.ts). */
  held?: string;
  disabled?: boolean;
}
