package dev.refreshcdn;

/** Which job a resumed plan continues, and where each of its URLs sits in that job's own list. */
final class Resumption {
  final String jobId;
  /** For the i-th URL of the resumed refresh, its index in the job's list of URLs. */
  final int[] indices;
  /** URLs of the job that had been sent without a confirmed answer: they are sent again. */
  final int resentUrls;
  /** The journal's length when it was read: a journal grown since means this resumption is stale. */
  final long journalSize;

  Resumption(String jobId, int[] indices, int resentUrls, long journalSize) {
    this.jobId = jobId;
    this.indices = indices;
    this.resentUrls = resentUrls;
    this.journalSize = journalSize;
  }
}
