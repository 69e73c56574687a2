package dev.refreshcdn.emulator;

import dev.refreshcdn.internal.Texts;
import java.security.SecureRandom;

/** Generates and masks key pairs; keys never leave through this class except when generated. */
final class KeyPairs {
  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  private KeyPairs() {
  }

  /** Returns {SecretId, SecretKey} shaped like Tencent's: "AKID" + 32 characters, and 32 characters. */
  static String[] generate() {
    SecureRandom random = new SecureRandom();
    return new String[] {"AKID" + random(random, 32), random(random, 32)};
  }

  /** Shows enough of a SecretId to tell accounts apart in logs: AKID****1234. */
  static String mask(String secretId) {
    if (secretId == null || secretId.isEmpty()) {
      return "";
    }
    // the emulator shows a short id's first character, where the library shows only ****
    return secretId.length() <= 8 ? secretId.charAt(0) + "****" : Texts.maskId(secretId);
  }

  private static String random(SecureRandom random, int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }
}
