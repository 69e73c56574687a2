package dev.refreshcdn;

import java.nio.charset.StandardCharsets;

/**
 * RFC 3986 percent-encoding of UTF-8 bytes, written straight into a byte buffer: every byte except
 * unreserved ones ({@code A-Z a-z 0-9 - . _ ~}) becomes {@code %XX}, so {@code +}, {@code &}, {@code =},
 * {@code %} and non-ASCII text survive one decoding by any form or query parser.
 */
final class PercentEncoding {
  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
  /** Bytes that stay as they are, indexed by byte value; final and never written after class init. */
  private static final boolean[] UNRESERVED = new boolean[256];

  static {
    for (int b = 0; b < 256; b++) {
      UNRESERVED[b] = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')
          || b == '-' || b == '.' || b == '_' || b == '~';
    }
  }

  private PercentEncoding() {}

  static boolean unreserved(int b) {
    return b >= 0 && b < 256 && UNRESERVED[b];
  }

  /** Appends the encoding of {@code bytes[0..length)} to {@code out}. */
  static void encode(byte[] bytes, int length, ByteSink out) {
    out.ensure(length * 3);
    byte[] buffer = out.buffer();
    int at = out.size();
    for (int i = 0; i < length; i++) {
      int b = bytes[i] & 0xff;
      if (UNRESERVED[b]) {
        buffer[at++] = (byte) b;
      } else {
        buffer[at++] = '%';
        buffer[at++] = HEX[b >>> 4];
        buffer[at++] = HEX[b & 0xf];
      }
    }
    out.size(at);
  }

  /** The encoding of a whole string, for the few short values that are not URLs. */
  static void encode(String value, ByteSink out) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    encode(bytes, bytes.length, out);
  }

  /** How many bytes {@link #encode} writes for {@code value}, computed without encoding it. */
  static int encodedLength(String value) {
    int length = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x80) {
        length += UNRESERVED[c] ? 1 : 3;
      } else if (c < 0x800) {
        length += 6;
      } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        length += 12;
        i++;
      } else {
        length += 9;
      }
    }
    return length;
  }
}
