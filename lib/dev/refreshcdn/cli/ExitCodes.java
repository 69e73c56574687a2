package dev.refreshcdn.cli;

import dev.refreshcdn.RefreshException.InvalidInputException;
import dev.refreshcdn.RefreshException.JournalException;
import dev.refreshcdn.RefreshException.MissingCredentialsException;
import dev.refreshcdn.NoAnswerException;
import dev.refreshcdn.RefreshException.QuotaExhaustedException;
import dev.refreshcdn.RefusedException;
import dev.refreshcdn.RefreshException.StoppedException;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/** The one map from what went wrong to the exit code (the codes themselves are {@link Exit}'s). */
final class ExitCodes implements CommandLine.IExitCodeExceptionMapper {
  @Override
  public int getExitCode(Throwable exception) {
    return of(exception);
  }

  /**
   * 2 when nothing was sent and the user can fix it (a usage error, bad input, missing credentials, an unusable
   * state directory, a job running elsewhere, a journal that could not record the job before its first request);
   * 3 refused; 4 no usable answer or stopped with progress; 5 stopped by the daily quota; else 1.
   */
  static int of(Throwable e) {
    if (e instanceof CommandLine.ParameterException || e instanceof UsageException
        || e instanceof InvalidInputException || e instanceof MissingCredentialsException
        || e instanceof UncheckedIOException || e instanceof IllegalStateException
        || e instanceof JournalException && ((JournalException) e).requestNumber() == 0) {
      return Exit.USAGE;
    }
    if (e instanceof IllegalArgumentException) {
      return Exit.USAGE;
    }
    if (e instanceof QuotaExhaustedException) {
      return Exit.PENDING;
    }
    if (e instanceof RefusedException) {
      return Exit.REFUSED;
    }
    if (e instanceof NoAnswerException || e instanceof StoppedException || e instanceof JournalException) {
      return Exit.NO_ANSWER;
    }
    return Exit.FAILURE;
  }
}
