package dev.refreshcdn;

import dev.refreshcdn.RefreshException.MissingCredentialsException;
import dev.refreshcdn.internal.CredentialNames;
import dev.refreshcdn.internal.Texts;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** A SecretId and SecretKey pair. The key never leaves this class except into a MAC. */
final class Credentials {

  private final String secretId;
  private final String secretKey;
  /** The session token of temporary credentials, or null. */
  private final String token;

  Credentials(String secretId, String secretKey) {
    this(secretId, secretKey, null);
  }

  Credentials(String secretId, String secretKey, String token) {
    this.secretId = requireText(secretId, "secretId");
    this.secretKey = requireText(secretKey, "secretKey");
    this.token = token == null ? null : requireText(token, "token");
  }

  private static String requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    if (!value.equals(value.strip())) {
      throw new IllegalArgumentException(name + " must not start or end with whitespace");
    }
    return value;
  }

  /** Reads the pair from the environment; a missing or blank variable names both variables. */
  static Credentials fromEnvironment(Function<String, String> environment) {
    String id = environment.apply(CredentialNames.SECRET_ID);
    String key = environment.apply(CredentialNames.SECRET_KEY);
    if (id == null || id.isBlank() || key == null || key.isBlank()) {
      throw new MissingCredentialsException("no credentials: set " + CredentialNames.SECRET_ID + " and "
          + CredentialNames.SECRET_KEY + " in the environment, or call credentials(secretId, secretKey)");
    }
    String token = null;
    for (String variable : CredentialNames.TOKENS) {
      String value = environment.apply(variable);
      if (token == null && value != null && !value.isBlank()) {
        token = value.strip();
      }
    }
    return new Credentials(id.strip(), key.strip(), token);
  }

  static Function<String, String> environmentOf(Map<String, String> variables) {
    Map<String, String> copy = Map.copyOf(variables);
    return copy::get;
  }

  String secretId() {
    return secretId;
  }

  String secretKey() {
    return secretKey;
  }

  /** The session token, or null for permanent keys. */
  String token() {
    return token;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Credentials
        && secretId.equals(((Credentials) o).secretId)
        && secretKey.equals(((Credentials) o).secretKey)
        && Objects.equals(token, ((Credentials) o).token);
  }

  @Override
  public int hashCode() {
    return Objects.hash(secretId, secretKey, token);
  }

  @Override
  public String toString() {
    return "Credentials[" + Texts.maskId(secretId) + ", key redacted" + (token == null ? "" : ", token redacted") + "]";
  }
}
