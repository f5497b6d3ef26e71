// What the services hand to routes and the UI: plain objects, no Prisma types.
import type { Batch, ImageJob } from "@prisma/client";
import { emptyCounts, isJobState, type JobState } from "./job-states";
import { safeJson } from "./shop-settings.server";

/** A guard's finding as stored on the job (the engine's Warning). */
export interface Warning {
  code: string;
  severity: "note" | "warning";
  message: string;
  value: number;
  threshold: number;
  region: unknown;
}

export interface ImageView {
  id: string;
  productId: string;
  productTitle: string;
  mediaId: string;
  position: number;
  state: JobState;
  warnings: Warning[];
  warningCount: number;
  processedBy: string | null;
  lastError: string | null;
  attempts: number;
}

export interface ImageDetail extends ImageView {
  batchId: string;
  report: unknown | null;
  keys: { original?: string; composite?: string; cutout?: string; thumb?: string };
}

export interface BatchSummary {
  id: string;
  title: string;
  status: string;
  total: number;
  counts: Record<JobState, number>;
  createdAt: Date;
}

export interface BatchView extends BatchSummary {
  source: string;
  images: ImageView[];
}

export function toImageView(j: ImageJob): ImageView {
  const w = safeJson(j.warnings);
  return {
    id: j.id,
    productId: j.productId,
    productTitle: j.productTitle,
    mediaId: j.mediaId,
    position: j.position,
    state: isJobState(j.state) ? j.state : "failed",
    warnings: Array.isArray(w) ? (w as Warning[]) : [],
    warningCount: j.warningCount,
    processedBy: j.processedBy,
    lastError: j.lastError,
    attempts: j.attempts,
  };
}

export function toSummary(b: Batch, counts: Record<JobState, number>): BatchSummary {
  return { id: b.id, title: b.title, status: b.status, total: b.total, counts, createdAt: b.createdAt };
}

export function countsFrom(rows: Array<{ state: string; _count: { _all: number } }>): Record<JobState, number> {
  const counts = emptyCounts();
  for (const r of rows) if (isJobState(r.state)) counts[r.state] += r._count._all;
  return counts;
}

/** A collection's reference image on the settings page, and the approved photos that could become it. */
export interface ReferenceRow {
  collectionId: string;
  title: string;
  current: { thumbUrl: string | null; label: string } | null;
  candidates: Array<{ imageId: string; label: string }>;
}
