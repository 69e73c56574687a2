package dev.refreshcdn.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The option types picocli does not read itself (enums it reads, in any case). */
final class Converters {
  private Converters() {}

  /** What {@code parse} makes of {@code value}; its IllegalArgumentException becomes picocli's usage error. */
  static <T> T converted(String value, Function<String, T> parse) {
    try {
      return parse.apply(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }

  /** 30s, 2m, 500ms, PT1M. */
  /** A purge's {@code --area}: mainland or overseas, in any case ({@code global} is a prefetch's). */
  static final class ToPurgeArea implements ITypeConverter<dev.refreshcdn.Area> {
    @Override
    public dev.refreshcdn.Area convert(String value) {
      try {
        return Choices.area(value);
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  static final class ToDuration implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      return converted(value, Durations::parse);
    }
  }

  /** A duration above zero, e.g. --timeout; a zero or negative one is refused as typed. */
  static final class ToPositiveDuration implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      Duration duration = converted(value, Durations::parse);
      if (duration.isZero() || duration.isNegative()) {
        throw new TypeConversionException("must be positive: " + value);
      }
      return duration;
    }
  }

  /** An ISO instant, or Beijing time as the service writes it. */
  static final class ToInstant implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
      return converted(value, Times::parse);
    }
  }
}
