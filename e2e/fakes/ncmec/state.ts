/** The fake CyberTipline's memory: reports, their files and file details, the call log and armed failures. */
import { randomBytes } from 'node:crypto';

export type ReportStatus = 'submitted' | 'finished' | 'retracted';
export type Endpoint = 'status' | 'xsd' | 'submit' | 'upload' | 'fileinfo' | 'finish' | 'retract';

export interface FakeFile {
  fileId: string;
  name: string;
  size: number;
  md5: string;
  sha256: string;
  uploadedAt: string;
}

export interface FakeReport {
  reportId: number;
  xml: string;
  state: ReportStatus;
  files: FakeFile[];
  /** Each accepted /fileinfo body, with the fileId it was for. */
  fileinfos: { fileId: string; xml: string; at: string }[];
  submittedAt: string;
  updatedAt: string;
  finishedAt?: string;
  retractedAt?: string;
}

export interface FakeCall {
  method: string;
  path: string;
  at: string;
}

export interface ArmedFailure {
  code: number;
  description: string;
}

export class FakeNcmecState {
  baseUrl = 'http://127.0.0.1';
  reports = new Map<number, FakeReport>();
  calls: FakeCall[] = [];
  failNext = new Map<Endpoint, ArmedFailure>();
  // Real report ids are large integers; starting high keeps tests from confusing them with row ids.
  private nextReportId = 100_000;

  /**
   * HTTP status of an answer with a nonzero responseCode. 200 by default (§9 describes errors only by responseCode);
   * civitai's caller checks only response.ok, which hints the real service may use a 4xx, so clients must read the
   * XML body whatever the status. Tests can set this to run both ways.
   */
  errorStatus = 200;

  constructor(readonly username: string, readonly password: string) {}

  newReportId(): number {
    return ++this.nextReportId;
  }

  newFileId(): string {
    return randomBytes(16).toString('hex');
  }

  reset(): void {
    this.reports.clear();
    this.calls = [];
    this.failNext.clear();
  }
}
