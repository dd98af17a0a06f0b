package org.laasuite.indicators.indicator;

import io.grpc.Status;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.common.grpc.Etags;
import org.laasuite.common.grpc.Pages;
import org.laasuite.common.grpc.ResourceNames;
import org.laasuite.common.grpc.Violations;

/** The indicator catalogue: its rules and transactions. */
@Singleton
public class IndicatorService {

  private final IndicatorRepository indicators;

  public IndicatorService(IndicatorRepository indicators) {
    this.indicators = indicators;
  }

  public IndicatorRow get(String name, String field) {
    Violations v = new Violations();
    String code = ResourceNames.INDICATORS.id(name, field, v);
    v.throwIfAny();
    return indicators.findByCode(code).orElseThrow(() -> ApiException.notFound("INDICATOR", name));
  }

  /** The indicators of these codes that exist, by code: one statement. */
  public Map<String, IndicatorRow> byCodes(Collection<String> codes) {
    return codes.isEmpty() ? Map.of() : indicators.findByCodeIn(codes).stream()
        .collect(Collectors.toMap(IndicatorRow::code, i -> i));
  }

  /** The indicators named, in the order asked; NOT_FOUND naming every unknown one. */
  public List<IndicatorRow> getAll(List<String> names, String field) {
    Violations v = new Violations();
    List<String> codes = names.stream().map(n -> ResourceNames.INDICATORS.id(n, field, v)).toList();
    v.throwIfAny();
    var found = byCodes(codes);
    List<String> missing = codes.stream().filter(c -> !found.containsKey(c)).distinct()
        .map(ResourceNames.INDICATORS::name).toList();
    if (!missing.isEmpty()) {
      throw new ApiException(Status.Code.NOT_FOUND, "INDICATOR_NOT_FOUND",
          String.join(", ", missing) + (missing.size() == 1 ? " does not exist" : " do not exist"), List.of());
    }
    return codes.stream().map(found::get).toList();
  }

  /** The filters of a listing; a null filter matches everything. */
  public record Filter(@Nullable String block, @Nullable String themeGroup, @Nullable String source) {

    /** The filters as a page token is bound to them. */
    public String query() {
      return "indicators;" + block + ";" + themeGroup + ";" + source;
    }
  }

  /** A page of the indicators {@code filter} matches, in the catalogue's order, with their total. */
  public Pages.Slice<IndicatorRow> list(Filter filter, Pages.Page page) {
    List<IndicatorRow> rows = indicators.search(filter.block(), filter.themeGroup(), filter.source(), page.size(),
        page.offset());
    return page.slice(rows, indicators.countMatching(filter.block(), filter.themeGroup(), filter.source()));
  }

  /**
   * Saves {@code candidate}; if its id is taken, answers the stored one when {@code sameAsAsked} says
   * it is what was asked for (a retried create), and ALREADY_EXISTS otherwise.
   */
  @Transactional
  public IndicatorRow create(IndicatorRow candidate, Predicate<IndicatorRow> sameAsAsked) {
    var existing = indicators.findByCode(candidate.code());
    if (existing.isPresent() && sameAsAsked.test(existing.get())) {
      return existing.get();
    }
    if (existing.isPresent() || exists(candidate.code())) {
      throw ApiException.withField(Status.Code.ALREADY_EXISTS, "INDICATOR_ALREADY_EXISTS",
          candidate.name() + " already exists (codes are compared without regard to case)", "indicator.id");
    }
    return indicators.save(candidate);
  }

  /**
   * Changes the indicator {@code name} names (NOT_FOUND if there is none) to what {@code change} makes of it,
   * as its next version. The row is locked first, so concurrent updates apply one after another, each to the
   * one before; ABORTED when {@code etag} is set and not the current one. Nothing is written when the change
   * reports a violation.
   */
  @Transactional
  public IndicatorRow update(String name, String etag, BiFunction<IndicatorRow, Violations, IndicatorRow> change) {
    IndicatorRow existing = lock(name, "indicator.name");
    Etags.check(etag, existing.etag(), name);
    Violations v = new Violations();
    IndicatorRow updated = change.apply(existing, v);
    v.throwIfAny();
    return indicators.update(updated.nextVersion());
  }

  /** Deletes the indicator {@code name} names; ABORTED, deleting nothing, when {@code etag} is set and stale. */
  @Transactional
  public void delete(String name, String etag) {
    IndicatorRow existing = lock(name, "name");
    Etags.check(etag, existing.etag(), name);
    indicators.delete(existing);
  }

  private IndicatorRow lock(String name, String field) {
    return ResourceNames.INDICATORS.find(name, field, indicators::lockByCode);
  }

  /** Saves many at once (an import); the caller has validated them and holds the transaction. */
  public List<IndicatorRow> saveAll(Collection<IndicatorRow> batch) {
    return List.copyOf(indicators.saveAll(batch));
  }

  /** Whether an indicator has this code, in any case: FZ-X and fz-x are one code. */
  public boolean exists(String code) {
    return indicators.countWithCodeIgnoringCase(code) > 0;
  }
}
