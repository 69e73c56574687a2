///usr/bin/env jbang "$0" "$@" ; exit $?
//DESCRIPTION Expire cached URLs on Tencent Cloud CDN (API 3.0 PurgeUrlsCache; API 2.0 RefreshCdnUrl)
//JAVA 11+
//DEPS info.picocli:picocli:4.7.7
//DEPS com.fasterxml.jackson.jr:jackson-jr-objects:2.21.2
//SOURCES lib/**/*.java
//COMPILE_OPTIONS -encoding UTF-8 -J-XX:TieredStopAtLevel=1
//JAVA_OPTIONS -XX:TieredStopAtLevel=1 -XX:NewRatio=15 -XX:InitiatingHeapOccupancyPercent=75 -XX:-G1UseAdaptiveIHOP

// The command line lives in lib/dev/refreshcdn/cli (RefreshCdnCli and one class per subcommand).
// javac runs C1-only (no collector named: one in JAVA_TOOL_OPTIONS would conflict): a one-off compile of lib/ takes
// about half as long. The program too: C1 only (a 10,000-URL job spends about a third less CPU); a young generation
// of 1/16 of the heap (any collector), which keeps a million-URL run's peak RSS below the official SDK's; and G1, the
// default, marks the old generation concurrently only from 75% full: what fills it is the input, live to the end,
// so marking earlier frees nothing (a tenth of a million-URL run's CPU). Other collectors ignore the G1 flags; none
// is named, for the same reason as above. _JAVA_OPTIONS overrides them (README, Benchmarks).
public class RefreshCdn {
  public static void main(String... args) {
    System.exit(dev.refreshcdn.cli.RefreshCdnCli.run(args));
  }
}
