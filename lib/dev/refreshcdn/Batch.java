package dev.refreshcdn;

import java.util.List;

/** One planned request: its 1-based number in the plan and the URLs it will carry, in order. */
public final class Batch {
  private final int number;
  private final List<String> urls;

  Batch(int number, List<String> urls) {
    this.number = number;
    this.urls = List.copyOf(urls);
  }

  /** The request's 1-based position in the plan. */
  public int number() {
    return number;
  }

  /** The URLs this request carries, numbered {@code urls.0}, {@code urls.1}, … on the wire. */
  public List<String> urls() {
    return urls;
  }

  @Override
  public String toString() {
    String range = urls.size() == 1 ? urls.get(0) : urls.get(0) + " … " + urls.get(urls.size() - 1);
    return "request " + number + ": " + urls.size() + " URLs, " + range;
  }
}
