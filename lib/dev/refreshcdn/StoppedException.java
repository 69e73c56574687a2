package dev.refreshcdn;

/**
 * The caller stopped the job: the task listener given to {@link Plan#submit(java.util.function.Consumer)}
 * threw (the cause). The task it was told of was created and is in {@link #tasks()}; the URLs after it
 * are in {@link #unsentUrls()}.
 */
public final class StoppedException extends RefreshException {
  StoppedException(RuntimeException cause, Progress progress) {
    super("the task listener threw " + cause + "; the job stopped after request " + progress.requestNumber
        + " of " + progress.requestCount + progress.summary(), progress, cause);
  }
}
