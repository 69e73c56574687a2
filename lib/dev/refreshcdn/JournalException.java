package dev.refreshcdn;

import java.io.IOException;

/**
 * The job's journal or the quota ledger in the {@linkplain Refresh#stateDir state directory} could not be
 * written, so the job stopped rather than send requests it could not record. Tasks created before are in
 * {@link #tasks()}; the cause says what the file system refused. When the job could not even be recorded,
 * nothing was sent: {@link #requestNumber()} is 0 and every URL is in {@link #unsentUrls()}.
 */
public final class JournalException extends RefreshException {
  JournalException(String what, IOException cause, Progress progress) {
    super(what + ": " + cause + "; the job stopped" + progress.summary(), progress, cause);
  }
}
