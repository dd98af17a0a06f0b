package org.laasuite.indicators.entry;

import io.grpc.Status;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.laasuite.common.audit.AuditLog;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.common.grpc.Etags;
import org.laasuite.common.grpc.ResourceNames;
import org.laasuite.common.grpc.Violations;
import org.laasuite.indicators.entry.EntryRepositories.EntryRepository;
import org.laasuite.indicators.entry.EntryRepositories.EntryStepRepository;
import org.laasuite.indicators.indicator.IndicatorRepository;
import org.laasuite.indicators.indicator.IndicatorRow;
import org.laasuite.indicators.period.PeriodRepository;
import org.laasuite.indicators.period.PeriodRow;
import org.laasuite.indicators.v1.Entry;
import org.laasuite.indicators.v1.PublicationState;

/**
 * The states of entries (see entry.proto's Entry): opened by every pending write, moved by submit, approve, return and
 * publish, each move taking the entry's pending revisions with it and leaving a step that names who took it. All of
 * it runs in the caller's transaction, under the entry's row lock, so that two moves (or a move and a write) of one
 * entry happen one after the other.
 */
@Singleton
public class Entries {

  /** An entry's indicator and period. */
  public record Key(long indicatorId, long periodId) {
  }

  /** An entry's name taken apart: "indicators/{code}/entries/{period}". */
  public record Name(String indicatorCode, String periodCode) {

    public String indicator() {
      return ResourceNames.INDICATORS.name(indicatorCode);
    }

    public String period() {
      return "periods/" + periodCode;
    }

    @Override
    public String toString() {
      return of(indicatorCode, periodCode);
    }
  }

  private static final Set<PublicationState> PENDING = EnumSet.of(PublicationState.PUBLICATION_STATE_DRAFT,
      PublicationState.PUBLICATION_STATE_RETURNED);
  private static final Set<PublicationState> LOCKED = EnumSet.of(PublicationState.PUBLICATION_STATE_SUBMITTED,
      PublicationState.PUBLICATION_STATE_APPROVED);

  private final EntryRepository entries;
  private final EntryStepRepository steps;
  private final ItemStates items;
  private final PeriodRepository periods;
  private final IndicatorRepository indicators;
  private final AuditLog audit;

  public Entries(EntryRepository entries, EntryStepRepository steps, ItemStates items, PeriodRepository periods,
      IndicatorRepository indicators, AuditLog audit) {
    this.audit = audit;
    this.indicators = indicators;
    this.entries = entries;
    this.steps = steps;
    this.items = items;
    this.periods = periods;
  }

  /** "indicators/{code}/entries/{period}". */
  public static String of(String indicatorCode, String periodCode) {
    return ResourceNames.INDICATORS.name(indicatorCode) + "/entries/" + periodCode;
  }

  /** The parts of an entry's name, or null with a violation of {@code field}. */
  public static Name parse(String name, String field, Violations v) {
    if (!v.required(name, field)) {
      return null;
    }
    int at = name.indexOf("/entries/");
    String indicator = at < 0 ? null : name.substring(0, at);
    String period = at < 0 ? null : name.substring(at + "/entries/".length());
    if (indicator == null || !ResourceNames.INDICATORS.isName(indicator) || !ResourceNames.PERIODS.isId(period)) {
      v.add(field, "must look like 'indicators/{code}/entries/{period}', not '" + clip(name) + "'");
      return null;
    }
    return new Name(indicator.substring("indicators/".length()), period);
  }

  private static String clip(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "…" : s;
  }

  /** The audit event's action of each step. */
  private static final Map<PublicationState, String> ACTIONS = Map.of(
      PublicationState.PUBLICATION_STATE_SUBMITTED, AuditLog.SUBMIT,
      PublicationState.PUBLICATION_STATE_APPROVED, AuditLog.APPROVE,
      PublicationState.PUBLICATION_STATE_RETURNED, AuditLog.RETURN,
      PublicationState.PUBLICATION_STATE_PUBLISHED, AuditLog.PUBLISH);

  /** An entry's state as the audit trail records it, before and after a step. */
  private static Entry stateOf(String name, PublicationState state, String reason) {
    return Entry.newBuilder().setName(name).setState(state).setReturnReason(reason).build();
  }

  /** The etag of an entry as it is now. */
  public static String etag(EntryRow e) {
    return Etags.of(e.id(), e.version());
  }

  static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }

  /**
   * Opens {@code indicator}'s entry for {@code period} to a pending write by {@code who}, making it if missing and
   * reopening a published one as a DRAFT (a correction); answers the state the write's revisions take. Refused
   * FAILED_PRECONDITION (ENTRY_LOCKED) while the entry is submitted or approved: it must be returned first.
   */
  public PublicationState open(long indicatorId, long periodId, String who) {
    Instant at = now();
    boolean made = entries.insertIfMissing(indicatorId, periodId, PublicationState.PUBLICATION_STATE_PUBLISHED.name(),
        at, who) == 1;
    EntryRow e = entries.findForUpdate(indicatorId, periodId).orElseThrow();
    if (LOCKED.contains(e.state())) {
      throw new ApiException(Status.Code.FAILED_PRECONDITION, "ENTRY_LOCKED", nameOf(e) + " is " + words(e.state())
          + ": it must be returned before its figures change", List.of());
    }
    PublicationState state = e.state() == PublicationState.PUBLICATION_STATE_RETURNED
        ? PublicationState.PUBLICATION_STATE_RETURNED : PublicationState.PUBLICATION_STATE_DRAFT;
    entries.moveTo(e.id(), state.name(), state == PublicationState.PUBLICATION_STATE_RETURNED ? e.returnReason() : "",
        at, who);
    if (e.state() == PublicationState.PUBLICATION_STATE_PUBLISHED) {
      steps.save(new EntryStepRow(null, e.id(), PublicationState.PUBLICATION_STATE_DRAFT, who, at, ""));
      String name = nameOf(e);
      audit.record(made ? AuditLog.CREATE : AuditLog.UPDATE, name, made ? null : stateOf(name, e.state(), ""),
          stateOf(name, state, ""));
    }
    return state;
  }

  /**
   * Refuses with ABORTED (ETAG_MISMATCH, naming who changed it and when) a write that read the entry at
   * {@code etag} when it has changed since; an empty etag passes, and so does any for an entry never written.
   */
  public void checkEtag(IndicatorRow indicator, PeriodRow period, String etag) {
    if (etag.isEmpty()) {
      return;
    }
    EntryRow e = entries.findForUpdate(indicator.id(), period.id()).orElse(null);
    if (e != null && !etag.equals(etag(e))) {
      throw new ApiException(Status.Code.ABORTED, Etags.MISMATCH, nameOf(e) + " has changed since it was read: "
          + (e.updateBy().isEmpty() ? "" : e.updateBy() + " changed it at " + e.updateTime() + ". ")
          + "Read it again and reapply the change", List.of());
    }
  }

  private String nameOf(EntryRow e) {
    return of(indicators.findById(e.indicatorId()).map(IndicatorRow::code).orElse("?"),
        periods.findById(e.periodId()).map(PeriodRow::code).orElse("?"));
  }

  /** Makes the entries of revisions written published (an import of agreed figures) where they are missing. */
  public void published(Collection<Key> keys, Instant at) {
    for (Key k : new LinkedHashSet<>(keys)) {
      entries.insertIfMissing(k.indicatorId(), k.periodId(), PublicationState.PUBLICATION_STATE_PUBLISHED.name(), at,
          "");
    }
  }

  /** What a state change asks: the entry, the states it may move from, the state it moves to, and why. */
  public record Move(IndicatorRow indicator, PeriodRow period, String etag, Set<PublicationState> from,
      PublicationState to, String reason) {
  }

  /** Submits a draft or returned entry. */
  public static Move submit(IndicatorRow indicator, PeriodRow period, String etag) {
    return new Move(indicator, period, etag, PENDING, PublicationState.PUBLICATION_STATE_SUBMITTED, "");
  }

  public static Move approve(IndicatorRow indicator, PeriodRow period) {
    return new Move(indicator, period, "", EnumSet.of(PublicationState.PUBLICATION_STATE_SUBMITTED),
        PublicationState.PUBLICATION_STATE_APPROVED, "");
  }

  public static Move giveBack(IndicatorRow indicator, PeriodRow period, String etag, String reason) {
    return new Move(indicator, period, etag, LOCKED, PublicationState.PUBLICATION_STATE_RETURNED, reason);
  }

  public static Move publish(IndicatorRow indicator, PeriodRow period) {
    return new Move(indicator, period, "", EnumSet.of(PublicationState.PUBLICATION_STATE_APPROVED),
        PublicationState.PUBLICATION_STATE_PUBLISHED, "");
  }

  /**
   * Takes each move under its entry's lock, or none: NOT_FOUND for an entry never written, ABORTED for a stale
   * etag, FAILED_PRECONDITION (ENTRY_STATE) for one not in a state the move starts from.
   */
  @Transactional
  public List<EntryRow> move(List<Move> moves, String who) {
    Instant at = now();
    List<EntryRow> moved = new ArrayList<>();
    for (Move m : moves) {
      String name = of(m.indicator().code(), m.period().code());
      EntryRow e = entries.findForUpdate(m.indicator().id(), m.period().id())
          .orElseThrow(() -> ApiException.notFound("ENTRY", name));
      checkEtag(m.indicator(), m.period(), m.etag());
      if (!m.from().contains(e.state())) {
        throw new ApiException(Status.Code.FAILED_PRECONDITION, "ENTRY_STATE", name + " is " + words(e.state())
            + ": only " + String.join(" or ", m.from().stream().map(Entries::words).toList()) + " figures can be "
            + words(m.to()), List.of());
      }
      audit.record(ACTIONS.get(m.to()), name, stateOf(name, e.state(), e.returnReason()),
          stateOf(name, m.to(), m.reason()));
      String state = m.to().name();
      Instant published = m.to() == PublicationState.PUBLICATION_STATE_PUBLISHED ? at : null;
      items.moveOutturns(e.indicatorId(), e.periodId(), state, published);
      items.moveNarrative(e.indicatorId(), e.periodId(), state, published);
      items.moveJudgement(e.indicatorId(), e.periodId(), state, published);
      entries.moveTo(e.id(), state, m.reason(), at, who);
      steps.save(new EntryStepRow(null, e.id(), m.to(), who, at, m.reason()));
      moved.add(entries.findById(e.id()).orElseThrow());
    }
    return moved;
  }

  /** The entry of {@code indicator} for {@code period}, or NOT_FOUND. */
  public EntryRow get(IndicatorRow indicator, PeriodRow period) {
    return entries.findByIndicatorIdAndPeriodId(indicator.id(), period.id())
        .orElseThrow(() -> ApiException.notFound("ENTRY", of(indicator.code(), period.code())));
  }

  /** The steps of the entries, oldest first. */
  public List<EntryStepRow> steps(Collection<Long> entryIds) {
    return entryIds.isEmpty() ? List.of() : steps.findByEntryIdInOrderById(entryIds);
  }

  /**
   * A page of entries by the filters: {@code indicatorIds} null for every indicator, {@code periodId} and
   * {@code themeGroup} null for any, {@code states} empty for any.
   */
  public List<EntryRow> page(Collection<Long> indicatorIds, Long periodId, String themeGroup,
      Collection<PublicationState> states, int limit, int offset) {
    return entries.page(indicatorIds == null, indicatorIds == null || indicatorIds.isEmpty() ? List.of(-1L)
        : indicatorIds, periodId, themeGroup, states.isEmpty(), states.isEmpty() ? List.of("")
        : states.stream().map(Enum::name).toList(), limit, offset);
  }

  /** The period {@code code} names, for entries named by their parts. */
  public PeriodRow period(String code) {
    return periods.findByCode(code).orElse(null);
  }

  /** "submitted", "returned": a state in words. */
  public static String words(PublicationState state) {
    return state.name().substring("PUBLICATION_STATE_".length()).toLowerCase(Locale.ROOT);
  }
}
