package dev.refreshcdn;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte buffer without the locking of {@code ByteArrayOutputStream}, for request bodies. */
final class ByteSink {
  private byte[] buffer;
  private int size;

  ByteSink(int capacity) {
    buffer = new byte[Math.max(16, capacity)];
  }

  void ensure(int more) {
    if (size + more > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
    }
  }

  ByteSink ascii(String text) {
    ensure(text.length());
    for (int i = 0; i < text.length(); i++) {
      buffer[size++] = (byte) text.charAt(i);
    }
    return this;
  }

  ByteSink write(byte[] bytes) {
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buffer, size, bytes.length);
    size += bytes.length;
    return this;
  }

  byte[] buffer() {
    return buffer;
  }

  int size() {
    return size;
  }

  void size(int newSize) {
    size = newSize;
  }

  @Override
  public String toString() {
    return new String(buffer, 0, size, StandardCharsets.UTF_8);
  }
}
