package org.laasuite.indicators.period;

import io.grpc.Status;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.laasuite.common.audit.AuditLog;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.common.grpc.Pages;
import org.laasuite.common.grpc.ResourceNames;
import org.laasuite.common.grpc.Violations;

@Singleton
public class PeriodService {

  private final PeriodRepository periods;
  private final AuditLog audit;

  public PeriodService(PeriodRepository periods, AuditLog audit) {
    this.periods = periods;
    this.audit = audit;
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

  /**
   * Saves {@code candidate}; if its id is taken, answers the stored one when {@code sameAsAsked} says
   * it is what was asked for (a retried create), and ALREADY_EXISTS otherwise.
   */
  @Transactional
  public PeriodRow create(PeriodRow candidate, Predicate<PeriodRow> sameAsAsked) {
    var existing = periods.findByCode(candidate.code());
    if (existing.isPresent() && sameAsAsked.test(existing.get())) {
      return existing.get();
    }
    if (existing.isPresent()) {
      throw ApiException.withField(Status.Code.ALREADY_EXISTS, "PERIOD_ALREADY_EXISTS",
          ResourceNames.PERIODS.name(candidate.code()) + " already exists", "period.id");
    }
    PeriodRow saved = periods.save(candidate);
    audit.record(AuditLog.CREATE, ResourceNames.PERIODS.name(saved.code()), null, PeriodMapper.toProto(saved));
    return saved;
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
