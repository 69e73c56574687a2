package dev.refreshcdn.cli;

import dev.refreshcdn.Api;
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
}
