package org.laasuite.indicators.measure;

import jakarta.inject.Singleton;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.laasuite.common.grpc.ResourceNames;
import org.laasuite.common.grpc.Violations;
import org.laasuite.indicators.area.AreaRepository;
import org.laasuite.indicators.area.AreaRow;
import org.laasuite.indicators.period.PeriodRepository;
import org.laasuite.indicators.period.PeriodRow;

/** Resolves the areas and periods a request names, and maps ids back to names for responses. */
@Singleton
public class References {

  private final AreaRepository areas;
  private final PeriodRepository periods;

  public References(AreaRepository areas, PeriodRepository periods) {
    this.areas = areas;
    this.periods = periods;
  }

  /** The area {@code name} names ("areas/city" when empty), or null with a violation. */
  public AreaRow area(String name, String field, Violations v) {
    String n = name == null || name.isEmpty() ? "areas/" + AreaRow.CITY : name;
    String code = ResourceNames.AREAS.id(n, field, v);
    if (code == null) {
      return null;
    }
    AreaRow a = areas.findByCode(code).orElse(null);
    v.check(a != null, field, n + " does not exist");
    return a;
  }

  /** The period {@code name} names, or null with a violation (or null without one when optional and empty). */
  public PeriodRow period(String name, String field, boolean required, Violations v) {
    if (!required && (name == null || name.isEmpty())) {
      return null;
    }
    String code = ResourceNames.PERIODS.id(name, field, v);
    if (code == null) {
      return null;
    }
    PeriodRow p = periods.findByCode(code).orElse(null);
    v.check(p != null, field, name + " does not exist");
    return p;
  }

  /** Every area and period by id: two statements, whatever is mapped afterwards. */
  public Lookup lookup() {
    return new Lookup(areas.listOrderByCode().stream().collect(Collectors.toMap(AreaRow::id, Function.identity())),
        periods.listInOrder().stream()
            .collect(Collectors.toMap(PeriodRow::id, Function.identity())));
  }

  /** Areas and periods by id. */
  public record Lookup(Map<Long, AreaRow> areas, Map<Long, PeriodRow> periods) {

    public String areaName(long id) {
      return "areas/" + areas.get(id).code();
    }

    public String periodName(Long id) {
      return id == null ? "" : "periods/" + periods.get(id).code();
    }

    public PeriodRow period(Long id) {
      return id == null ? null : periods.get(id);
    }

    public AreaRow area(long id) {
      return areas.get(id);
    }
  }
}
