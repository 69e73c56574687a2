package dev.refreshcdn;

/** Which job a resumed plan continues, and where each of its URLs sits in that job's own list. */
final class Resumption {
  final String jobId;
  /** For the i-th URL of the resumed refresh, its index in the job's list of URLs. */
  final int[] indices;
  /** URLs of the job that had been sent without a confirmed answer: they are sent again. */
  final int resentUrls;

  Resumption(String jobId, int[] indices, int resentUrls) {
    this.jobId = jobId;
    this.indices = indices;
    this.resentUrls = resentUrls;
  }
}
