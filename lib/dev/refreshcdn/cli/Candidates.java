package dev.refreshcdn.cli;

import java.util.Iterator;
import java.util.List;

/** What shell completion offers for the enum options: the lower-case spellings users type, not the constants' names. */
final class Candidates {
  private Candidates() {}

  /** --api of the commands that take either generation. */
  static final class Apis implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return List.of("v3", "v2").iterator();
    }
  }

  /** --api of prefetch and resume: API 3.0 only. */
  static final class V3 implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return List.of("v3").iterator();
    }
  }

  /** A purge's --area. */
  static final class PurgeAreas implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return List.of("mainland", "overseas").iterator();
    }
  }

  /** A prefetch's --area. */
  static final class PrefetchAreas implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return List.of("mainland", "overseas", "global").iterator();
    }
  }
}
