package dev.refreshcdn.emulator;

import java.util.List;

import dev.refreshcdn.emulator.Emulator.Region;

/** One URL or directory accepted for purging, with the domain it belongs to and the areas it is charged to. */
final class Target {
  final String url;
  final Domain domain;
  final List<Region> areas;

  Target(String url, Domain domain, List<Region> areas) {
    this.url = url;
    this.domain = domain;
    this.areas = List.copyOf(areas);
  }
}
