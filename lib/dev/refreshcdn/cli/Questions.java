package dev.refreshcdn.cli;

import dev.refreshcdn.Account;
import dev.refreshcdn.Api;
import dev.refreshcdn.Area.Quota;
import dev.refreshcdn.Refresh;

/** The set-up of status and quota, which ask the account questions instead of purging. */
final class Questions {
  private Questions() {}

  /** {@code start} (an empty refresh) set up for questions about the account: API, connection and credentials. */
  static Refresh account(Refresh start, Api chosen, ConnectionOptions connection, CredentialOptions credentials,
      Context context) {
    Refresh account = connection.applyTo(start.api(chosen), ConnectionOptions.defaultEndpoint(chosen), false, context);
    return credentials.resolve(context, false).applyTo(account);
  }

  /**
   * What is left of today's quota for {@code refresh}, for the progress line: on API 3.0 as the service says, on the
   * legacy API as the ledger counts it (so only when one is kept).
   *
   * @throws IllegalStateException when it cannot be known
   */
  static int quotaLeft(Refresh refresh, boolean directories, boolean ledgerKept) {
    return quotaLeft(refresh, directories ? Quota.Kind.DIRECTORIES : Quota.Kind.URLS, ledgerKept);
  }

  /** Like {@link #quotaLeft(Refresh, boolean, boolean)}, for a quota of {@code kind}. */
  static int quotaLeft(Refresh refresh, Quota.Kind kind, boolean ledgerKept) {
    for (Quota quota : Account.of(refresh).quota()) {
      if (quota.kind() == kind && (quota.fromService() || ledgerKept)) {
        return quota.available();
      }
    }
    throw new IllegalStateException("quota unknown");
  }
}
