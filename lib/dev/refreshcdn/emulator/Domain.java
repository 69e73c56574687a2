package dev.refreshcdn.emulator;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import dev.refreshcdn.emulator.Emulator.Region;
import dev.refreshcdn.emulator.Emulator.DomainStatus;

/** An accelerated domain of an account; immutable. */
final class Domain {
  final String host;
  final DomainStatus status;
  final boolean filterQuery;
  final Region area;

  Domain(String host, DomainStatus status, boolean filterQuery, Region area) {
    Objects.requireNonNull(host, "host");
    if (host.isBlank() || host.contains("/") || host.contains(":")) {
      throw new IllegalArgumentException("domain must be a bare host name such as www.test.com: " + host);
    }
    this.host = host.toLowerCase(Locale.ROOT);
    this.status = Objects.requireNonNull(status, "status");
    this.filterQuery = filterQuery;
    this.area = Objects.requireNonNull(area, "area");
  }

  /** The service accepts purges for started and deploying domains only. */
  boolean purgeable() {
    return status != DomainStatus.OFFLINE;
  }

  /** The areas whose daily quota a purge of this domain uses when the request names none. */
  List<Region> areas() {
    return area == Region.GLOBAL ? List.of(Region.MAINLAND, Region.OVERSEAS) : List.of(area);
  }

  boolean servesIn(Region requested) {
    return area == Region.GLOBAL || area == requested;
  }

  @Override
  public String toString() {
    return host + " " + status + " " + area + (filterQuery ? " filter-query" : "");
  }
}
