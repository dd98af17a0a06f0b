package org.laasuite.indicators.indicator;

import com.google.rpc.PreconditionFailure;
import io.grpc.Status;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.laasuite.common.audit.AuditLog;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.common.grpc.Etags;
import org.laasuite.common.grpc.Pages;
import org.laasuite.common.grpc.ResourceNames;
import org.laasuite.common.grpc.Violations;
import org.laasuite.common.security.Scopes;

/** The indicator catalogue: its rules and transactions. */
@Singleton
public class IndicatorService {

  private final IndicatorRepository indicators;
  private final AuditLog audit;

  public IndicatorService(IndicatorRepository indicators, AuditLog audit) {
    this.indicators = indicators;
    this.audit = audit;
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

  /** The filters of a listing; a null filter matches everything, archived indicators only with {@code showDeleted}. */
  public record Filter(@Nullable String block, @Nullable String themeGroup, @Nullable String source,
      boolean showDeleted) {

    /** The filters as a page token is bound to them. */
    public String query() {
      return "indicators;" + block + ";" + themeGroup + ";" + source + (showDeleted ? ";deleted" : "");
    }
  }

  /** A page of the indicators {@code filter} matches, in the catalogue's order, with their total. */
  public Pages.Slice<IndicatorRow> list(Filter filter, Pages.Page page) {
    List<IndicatorRow> rows = indicators.search(filter.block(), filter.themeGroup(), filter.source(),
        filter.showDeleted(), page.size(), page.offset());
    return page.slice(rows, indicators.countMatching(filter.block(), filter.themeGroup(), filter.source(),
        filter.showDeleted()));
  }

  /**
   * Saves {@code candidate}; if its id is taken, answers the stored one when {@code sameAsAsked} says
   * it is what was asked for (a retried create) and it is not archived, and ALREADY_EXISTS otherwise.
   */
  @Transactional
  public IndicatorRow create(IndicatorRow candidate, Predicate<IndicatorRow> sameAsAsked) {
    var existing = indicators.findByCode(candidate.code());
    if (existing.isPresent() && existing.get().archived()) {
      throw ApiException.withField(Status.Code.ALREADY_EXISTS, "INDICATOR_ALREADY_EXISTS",
          candidate.name() + " exists, archived: undelete it (UndeleteIndicator)", "indicator.id");
    }
    if (existing.isPresent() && sameAsAsked.test(existing.get())) {
      return existing.get();
    }
    if (existing.isPresent() || exists(candidate.code())) {
      throw ApiException.withField(Status.Code.ALREADY_EXISTS, "INDICATOR_ALREADY_EXISTS",
          candidate.name() + " already exists (codes are compared without regard to case)", "indicator.id");
    }
    IndicatorRow saved = indicators.save(candidate);
    audit.record(AuditLog.CREATE, saved.name(), null, IndicatorMapper.toProto(saved));
    return saved;
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
    refuseArchived(existing);
    Violations v = new Violations();
    IndicatorRow updated = change.apply(existing, v);
    v.throwIfAny();
    IndicatorRow stored = indicators.update(updated.nextVersion());
    audit.record(AuditLog.UPDATE, name, IndicatorMapper.toProto(existing), IndicatorMapper.toProto(stored));
    return stored;
  }

  /**
   * Deletes the indicator {@code name} names for good when nothing refers to it: neither figures of its own
   * nor {@code elsewhere} (what the other services hold that names it); FAILED_PRECONDITION naming each
   * otherwise, deleting nothing. With {@code force} it is archived instead, whatever refers to it, and
   * loses nothing. ABORTED, changing nothing, when {@code etag} is set and stale.
   */
  @Transactional
  public void delete(String name, String etag, boolean force, List<PreconditionFailure.Violation> elsewhere) {
    IndicatorRow existing = lock(name, "name");
    Etags.check(etag, existing.etag(), name);
    if (force) {
      if (!existing.archived()) {
        IndicatorRow archived = indicators.update(existing.deletedAt(Instant.now().truncatedTo(ChronoUnit.MICROS)));
        audit.record(AuditLog.DELETE, name, IndicatorMapper.toProto(existing), IndicatorMapper.toProto(archived));
      }
      return;
    }
    List<PreconditionFailure.Violation> refers = new ArrayList<>(figures(existing));
    refers.addAll(elsewhere);
    if (!refers.isEmpty()) {
      throw ApiException.failedPrecondition("INDICATOR_IN_USE", name + " is referred to ("
          + refers.stream().map(PreconditionFailure.Violation::getDescription).limit(5)
              .collect(Collectors.joining("; ")) + (refers.size() > 5 ? "; ..." : "")
          + "), so nothing was deleted; delete it with force to archive it, keeping all of them", refers);
    }
    indicators.delete(existing);
    audit.record(AuditLog.DELETE, name, IndicatorMapper.toProto(existing), null);
  }

  /** Brings back an archived indicator (a current one is answered as it is); ABORTED when {@code etag} is stale. */
  @Transactional
  public IndicatorRow undelete(String name, String etag) {
    IndicatorRow existing = lock(name, "name");
    Etags.check(etag, existing.etag(), name);
    if (!existing.archived()) {
      return existing;
    }
    IndicatorRow restored = indicators.update(existing.deletedAt(null));
    audit.record(AuditLog.UNDELETE, name, IndicatorMapper.toProto(existing), IndicatorMapper.toProto(restored));
    return restored;
  }

  /** The indicator's own figures, a precondition of type FIGURES for each kind it has. */
  private List<PreconditionFailure.Violation> figures(IndicatorRow indicator) {
    var counts = indicators.countFigures(indicator.id());
    List<PreconditionFailure.Violation> out = new ArrayList<>();
    figure(out, indicator, "baselines", "baseline", counts.baselines());
    figure(out, indicator, "targets", "target", counts.targets());
    figure(out, indicator, "outturns", "outturn", counts.outturns());
    figure(out, indicator, "narratives", "narrative", counts.narratives());
    figure(out, indicator, "recordedJudgements", "recorded judgement", counts.judgements());
    figure(out, indicator, "comparatorFigures", "comparator figure", counts.comparatorFigures());
    return out;
  }

  /** "indicators/X/outturns": "12 outturns". */
  private static void figure(List<PreconditionFailure.Violation> out, IndicatorRow indicator, String collection,
      String one, long count) {
    if (count > 0) {
      out.add(Referrers.violation("FIGURES", indicator.name() + "/" + collection,
          count + " " + one + (count == 1 ? "" : "s")));
    }
  }

  /**
   * The indicator {@code name} names, for a write: FAILED_PRECONDITION (INDICATOR_ARCHIVED) when it is
   * archived, which takes no new figures or changes until it is undeleted.
   */
  public IndicatorRow current(String name, String field) {
    IndicatorRow indicator = get(name, field);
    refuseArchived(indicator);
    return indicator;
  }

  /** FAILED_PRECONDITION (INDICATOR_ARCHIVED) when {@code indicator} is archived. */
  public static void refuseArchived(IndicatorRow indicator) {
    if (indicator.archived()) {
      throw new ApiException(Status.Code.FAILED_PRECONDITION, "INDICATOR_ARCHIVED", indicator.name()
          + " is archived; undelete it to change it or record figures", List.of());
    }
  }

  private IndicatorRow lock(String name, String field) {
    return ResourceNames.INDICATORS.find(name, field, indicators::lockByCode);
  }

  /** Saves many at once (an import); the caller has validated them and holds the transaction. */
  public List<IndicatorRow> saveAll(Collection<IndicatorRow> batch) {
    return List.copyOf(indicators.saveAll(batch));
  }

  /** The distinct indicators of the well-formed names among {@code names} that exist: one statement. */
  public List<IndicatorRow> byIds(Collection<Long> ids) {
    return ids.isEmpty() ? List.of() : indicators.findByIdIn(ids);
  }

  public List<IndicatorRow> named(Collection<String> names) {
    List<String> codes = names.stream().filter(ResourceNames.INDICATORS::isName)
        .map(n -> n.substring(ResourceNames.INDICATORS.path().length() + 1)).distinct().toList();
    return List.copyOf(byCodes(codes).values());
  }

  /**
   * Who owns the indicator's figures: its owning organisation, or, where the papers name none (the demo data's
   * case throughout), the theme group that reports it.
   */
  public static List<String> owners(IndicatorRow indicator) {
    return Scopes.owners(indicator.ownerOrganisation(), indicator.themeGroup());
  }

  /** Who records its judgements: the theme group that reports it. */
  public static List<String> judges(IndicatorRow indicator) {
    return Scopes.judges(indicator.themeGroup());
  }

  /** Whether an indicator has this code, in any case: FZ-X and fz-x are one code. */
  public boolean exists(String code) {
    return indicators.countWithCodeIgnoringCase(code) > 0;
  }
}
