package dev.refreshcdn;

/**
 * The caller stopped the job: a listener given to {@link Plan#submit(java.util.function.Consumer)} (of
 * tasks or of retries) threw (the cause). The tasks created, including the one it was told of, are in
 * {@link #tasks()}; the URLs not sent are in {@link #unsentUrls()}.
 */
public final class StoppedException extends RefreshException {
  StoppedException(RuntimeException cause, Progress progress) {
    super("a listener of the submission threw " + cause + "; the job stopped after request " + progress.requestNumber
        + " of " + progress.requestCount + progress.summary(), progress, cause);
  }
}
