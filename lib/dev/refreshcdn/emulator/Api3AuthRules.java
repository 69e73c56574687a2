package dev.refreshcdn.emulator;

import java.util.List;
import java.util.Optional;


/** What TC3 and signature v1 share on the API 3.0 endpoint: whose key signs, how old a request may be, the host. */
final class Api3AuthRules {
  /** Reference 4.7: the timestamp must be within 5 minutes of the server's time, whichever signature is used. */
  static final long TIMESTAMP_WINDOW_SECONDS = 5 * 60;
  static final String SECRET_ID_NOT_FOUND = "The SecretId is not found, please ensure that your SecretId is correct.";
  static final String SIGNATURE_FAILURE = "The provided credentials could not be validated."
      + " Please check your signature is correct.";

  private final List<Tenant> accounts;

  Api3AuthRules(List<Tenant> accounts) {
    this.accounts = accounts;
  }

  Optional<Tenant> account(String secretId) {
    for (Tenant acc : accounts) {
      if (acc.secretId().equals(secretId)) {
        return Optional.of(acc);
      }
    }
    return Optional.empty();
  }

  /** The AuthFailure.SignatureExpire message when {@code timestamp} is too far from {@code now}. */
  Optional<String> expired(long timestamp, long now) {
    if (Math.abs(now - timestamp) <= TIMESTAMP_WINDOW_SECONDS) {
      return Optional.empty();
    }
    return Optional.of("Signature expired. Timestamp is " + timestamp + ", current server time is " + now
        + ", the difference must be within 300 seconds.");
  }

  /** The Host header as sent and, when it carries a port, without it: clients sign one or the other. */
  static List<String> hostCandidates(String host) {
    int colon = host.lastIndexOf(':');
    if (colon > 0 && !host.endsWith("]") && host.substring(colon + 1).matches("[0-9]+")) {
      return List.of(host, host.substring(0, colon));
    }
    return List.of(host);
  }
}
