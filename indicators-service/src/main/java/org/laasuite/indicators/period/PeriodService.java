package org.laasuite.indicators.period;

import io.grpc.Status;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.common.grpc.Pages;
import org.laasuite.common.grpc.Protos;
import org.laasuite.common.grpc.ResourceNames;
import org.laasuite.common.grpc.Violations;
import org.laasuite.indicators.v1.Period;
import org.laasuite.indicators.v1.PeriodType;

@Singleton
public class PeriodService {


  private final PeriodRepository periods;

  public PeriodService(PeriodRepository periods) {
    this.periods = periods;
  }

  public static Period toProto(PeriodRow p) {
    return Period.newBuilder().setName("periods/" + p.code()).setCode(p.code())
        .setType(p.type()).setStartDate(Protos.date(p.startDate())).setEndDate(Protos.date(p.endDate()))
        .setLabel(p.label()).build();
  }

  public PeriodRow get(String name) {
    Violations v = new Violations();
    String code = ResourceNames.PERIODS.id(name, "name", v);
    v.throwIfAny();
    return periods.findByCode(code).orElseThrow(() -> ApiException.notFound("PERIOD", name));
  }

  /** A page of every period, earliest first. */
  public Pages.Slice<PeriodRow> list(Pages.Page page) {
    return page.slice(periods.page(page.size(), page.offset()));
  }

  /** How many periods are stored. */
  public long count() {
    return periods.count();
  }

  @Transactional
  public PeriodRow create(Period in) {
    Violations v = new Violations();
    ResourceNames.PERIODS.validId(in.getCode(), "period.code", v);
    v.check(in.getType() != PeriodType.PERIOD_TYPE_UNSPECIFIED && in.getType() != PeriodType.UNRECOGNIZED,
        "period.type", "is required: FINANCIAL_YEAR, QUARTER, HALF_YEAR, ACADEMIC_YEAR, CALENDAR_YEAR, MONTH, "
            + "SURVEY_WAVE, ROLLING_AVERAGE or OTHER");
    LocalDate start = Protos.requiredDate(in.getStartDate(), "period.start_date", v);
    LocalDate end = Protos.requiredDate(in.getEndDate(), "period.end_date", v);
    if (start != null && end != null) {
      v.check(!end.isBefore(start), "period.end_date", "is before start_date " + start);
    }
    String label = in.getLabel().isBlank() ? in.getCode() : in.getLabel();
    v.maxLength(label, Violations.MAX_TITLE, "period.label");
    v.throwIfAny();
    if (periods.findByCode(in.getCode()).isPresent()) {
      throw ApiException.withField(Status.Code.ALREADY_EXISTS, "PERIOD_ALREADY_EXISTS",
          "periods/" + in.getCode() + " already exists", "period.code");
    }
    return periods.save(new PeriodRow(null, in.getCode(), in.getType(), start, end, label));
  }

  /**
   * The stored period of each code in {@code wanted}, saving those that do not exist yet (an existing
   * period keeps its own label). One statement to read, one insert per new period.
   */
  public Map<String, PeriodRow> ensure(Collection<PeriodRow> wanted) {
    Map<String, PeriodRow> existing = periods.findByCodeIn(wanted.stream().map(PeriodRow::code).toList()).stream()
        .collect(Collectors.toMap(PeriodRow::code, Function.identity()));
    for (PeriodRow p : wanted) {
      existing.computeIfAbsent(p.code(), c -> periods.save(p));
    }
    return existing;
  }
}
