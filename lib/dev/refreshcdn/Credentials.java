package dev.refreshcdn;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** A SecretId and SecretKey pair. The key never leaves this class except into a MAC. */
final class Credentials {
  static final String SECRET_ID_VARIABLE = "TENCENTCLOUD_SECRET_ID";
  static final String SECRET_KEY_VARIABLE = "TENCENTCLOUD_SECRET_KEY";

  private final String secretId;
  private final String secretKey;

  Credentials(String secretId, String secretKey) {
    this.secretId = requireText(secretId, "secretId");
    this.secretKey = requireText(secretKey, "secretKey");
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
    String id = environment.apply(SECRET_ID_VARIABLE);
    String key = environment.apply(SECRET_KEY_VARIABLE);
    if (id == null || id.isBlank() || key == null || key.isBlank()) {
      throw new MissingCredentialsException("no credentials: set " + SECRET_ID_VARIABLE + " and "
          + SECRET_KEY_VARIABLE + " in the environment, or call credentials(secretId, secretKey)");
    }
    return new Credentials(id.strip(), key.strip());
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

  @Override
  public boolean equals(Object o) {
    return o instanceof Credentials
        && secretId.equals(((Credentials) o).secretId)
        && secretKey.equals(((Credentials) o).secretKey);
  }

  @Override
  public int hashCode() {
    return Objects.hash(secretId, secretKey);
  }

  @Override
  public String toString() {
    return "Credentials[" + Texts.maskId(secretId) + ", key redacted]";
  }
}
