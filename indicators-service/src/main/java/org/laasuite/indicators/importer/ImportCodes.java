package org.laasuite.indicators.importer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.common.grpc.Violations;
import org.laasuite.indicators.area.AreaRow;
import org.laasuite.indicators.indicator.IndicatorRow;
import org.laasuite.indicators.indicator.IndicatorService;
import org.laasuite.indicators.measure.References;
import org.laasuite.indicators.period.PeriodRow;

/**
 * The indicators, periods and areas an import's rows name, each looked up once per import however many rows name
 * it (by the service's own lookups, so that a row's problems read as a single write's do). What a name found is
 * kept for the import; names that find nothing are kept up to {@link #MISSES} of each kind, then looked up each
 * time, so that a stream of made-up names cannot grow the import's memory.
 */
final class ImportCodes {

  /** Names that found nothing kept per kind. */
  static final int MISSES = 10_000;

  /** What a name found (or null), and the problems of the field that named it: descriptions only. */
  private record Found<T>(T row, List<String> problems) {
  }

  private final IndicatorService indicators;
  private final References references;
  /** Run before each lookup: the staging COPY holds the connection until it is paused. */
  private final Runnable beforeLookup;
  private final Map<String, Found<IndicatorRow>> indicatorsByName = new HashMap<>();
  private final Map<String, Found<PeriodRow>> periodsByName = new HashMap<>();
  private final Map<String, Found<AreaRow>> areasByName = new HashMap<>();
  private int misses;

  ImportCodes(IndicatorService indicators, References references, Runnable beforeLookup) {
    this.indicators = indicators;
    this.references = references;
    this.beforeLookup = beforeLookup;
  }

  /**
   * The indicator {@code name} names, or null with a problem of {@code field}: as {@link IndicatorService#current}
   * answers it (an archived indicator takes no figures).
   */
  IndicatorRow indicator(String name, String field, Violations v) {
    return found(indicatorsByName, name, field, v, n -> {
      IndicatorRow row = null;
      try {
        row = indicators.get(n, field);
        IndicatorService.refuseArchived(row);
        return new Found<>(row, List.of());
      } catch (ApiException e) {
        return new Found<>(row, List.of(e.violations().isEmpty() ? e.getMessage()
            : e.violations().getFirst().getDescription()));
      }
    });
  }

  /** The period {@code name} names, as {@link References#period} answers it. */
  PeriodRow period(String name, String field, boolean required, Violations v) {
    if (!required && (name == null || name.isEmpty())) {
      return null;
    }
    return found(periodsByName, name, field, v, n -> {
      Violations own = new Violations();
      return new Found<>(references.period(n, field, true, own), descriptions(own));
    });
  }

  /** The area {@code name} names ("areas/city" when empty), as {@link References#area} answers it. */
  AreaRow area(String name, String field, Violations v) {
    return found(areasByName, name, field, v, n -> {
      Violations own = new Violations();
      return new Found<>(references.area(n, field, own), descriptions(own));
    });
  }

  /** The names of the indicators found, archived ones too: whose rights an import needs. */
  List<String> indicatorNames() {
    return indicatorsByName.values().stream().filter(f -> f.row() != null).map(f -> f.row().name()).toList();
  }

  private static List<String> descriptions(Violations v) {
    return v.list().stream().map(fv -> fv.getDescription()).toList();
  }

  /**
   * The row {@code name} finds, its problems added to {@code v} under {@code field}; looked up with {@code lookup}
   * the first time; null when it has problems (an archived indicator is kept for {@link #indicatorNames}).
   */
  private <T> T found(Map<String, Found<T>> cache, String name, String field, Violations v,
      Function<String, Found<T>> lookup) {
    String key = name == null ? "" : name;
    Found<T> f = cache.get(key);
    if (f == null) {
      beforeLookup.run();
      f = lookup.apply(key);
      if (f.row() != null || misses++ < MISSES) {
        cache.put(key, f);
      }
    }
    for (String problem : f.problems()) {
      v.add(field, problem);
    }
    return f.problems().isEmpty() ? f.row() : null;
  }
}
