package dev.refreshcdn.cli;

import dev.refreshcdn.Refresh;
import dev.refreshcdn.internal.Texts;
import java.util.Objects;

/**
 * A resolved key pair, the session token of temporary keys (or none), and where they came from. The key and the
 * token never leave this class except into {@link #applyTo(Refresh)}; {@link #describe()} masks the SecretId.
 */
final class Creds {
  private final String secretId;
  private final String secretKey;
  private final String token;
  private final String source;
  private final boolean placeholder;
  /** The profile's {@code api} setting ({@code v2} or {@code v3}) as written, or null when it has none. */
  private final String api;

  Creds(String secretId, String secretKey, String token, String source, boolean placeholder) {
    this(secretId, secretKey, token, source, placeholder, null);
  }

  Creds(String secretId, String secretKey, String token, String source, boolean placeholder, String api) {
    this.secretId = Objects.requireNonNull(secretId, "secretId");
    this.secretKey = Objects.requireNonNull(secretKey, "secretKey");
    this.token = token;
    this.source = source;
    this.placeholder = placeholder;
    this.api = api;
  }

  /** A permanent key pair from {@code source}, a phrase such as {@code the emulator's generated key pair}. */
  static Creds of(String secretId, String secretKey, String source) {
    return new Creds(secretId, secretKey, null, source, false);
  }

  /** The refresh signed with this key pair (and token, for temporary keys). */
  public Refresh applyTo(Refresh refresh) {
    return token == null ? refresh.credentials(secretId, secretKey) : refresh.credentials(secretId, secretKey, token);
  }

  /** What signs the requests, for messages: the masked SecretId and its source, or a placeholder warning. */
  public String describe() {
    if (placeholder) {
      return "a PLACEHOLDER key pair, so the service would refuse these signatures (" + source + ")";
    }
    return Texts.maskId(secretId) + (token == null ? "" : " with a session token") + " from " + source;
  }

  String secretId() {
    return secretId;
  }

  String secretKey() {
    return secretKey;
  }

  String token() {
    return token;
  }

  String source() {
    return source;
  }

  /** The {@code api} setting of the profile these came from, or null. */
  String api() {
    return api;
  }

  /** Whether this is the dry run's placeholder pair, which belongs to no account. */
  public boolean placeholder() {
    return placeholder;
  }

  /** Redacted like {@link #describe()}: never the key or the token. */
  @Override
  public String toString() {
    return "Creds[" + describe() + "]";
  }
}
