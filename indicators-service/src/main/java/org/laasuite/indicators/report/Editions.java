package org.laasuite.indicators.report;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.laasuite.common.audit.AuditLog;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.common.grpc.Pages;
import org.laasuite.common.grpc.Protos;
import org.laasuite.common.grpc.Violations;
import org.laasuite.indicators.entry.EditionDocumentRow;
import org.laasuite.indicators.entry.EntryRepositories.EditionDocumentRepository;
import org.laasuite.indicators.entry.EditionRow;
import org.laasuite.indicators.entry.EntryRepositories.EditionRepository;
import org.laasuite.indicators.indicator.IndicatorRepository;
import org.laasuite.indicators.indicator.IndicatorRow;
import org.laasuite.indicators.period.PeriodRepository;
import org.laasuite.indicators.period.PeriodRow;
import org.laasuite.indicators.v1.BatchGetIndicatorReportsResponse;
import org.laasuite.indicators.v1.Edition;
import org.laasuite.indicators.v1.EditionDocument;
import org.laasuite.indicators.v1.EditionChange;
import org.laasuite.indicators.v1.IndicatorReport;
import org.laasuite.indicators.v1.Outturn;

/**
 * Editions: a quarter's published report frozen when the quarter is published (every current indicator's report
 * as the public saw it then, stored whole), and what later publications changed of it.
 */
@Singleton
public class Editions {

  private static final int EVERY = 100_000;
  /** The most a document frozen with an edition may hold: 8 MiB, as an import file. */
  static final int MAX_DOCUMENT = 8 * 1024 * 1024;

  private final EditionRepository editions;
  private final IndicatorRepository indicators;
  private final PeriodRepository periods;
  private final ReportService reports;
  private final EditionDocumentRepository documents;
  private final AuditLog audit;

  public Editions(EditionRepository editions, IndicatorRepository indicators, PeriodRepository periods,
      ReportService reports, EditionDocumentRepository documents, AuditLog audit) {
    this.documents = documents;
    this.audit = audit;
    this.editions = editions;
    this.indicators = indicators;
    this.periods = periods;
    this.reports = reports;
  }

  /** Freezes the published reports of every current indicator as the next edition of {@code period}. */
  public EditionRow freeze(PeriodRow period, String who) {
    var frozen = BatchGetIndicatorReportsResponse.newBuilder().addAllReports(published()).build();
    String code = period.code() + "-" + (editions.countByPeriodId(period.id()) + 1);
    return editions.save(new EditionRow(null, code, period.id(), Instant.now().truncatedTo(
        java.time.temporal.ChronoUnit.MICROS), who, frozen.toByteArray()));
  }

  private List<IndicatorReport> published() {
    List<IndicatorRow> current = indicators.search(null, null, null, false, EVERY, 0);
    return reports.reportsOf(current).stream().map(ReportMapper::toProto).toList();
  }

  /** The edition {@code name} names ("editions/{code}"), with its reports and the changes since. */
  public Edition get(String name) {
    EditionRow e = find(name, "name");
    String code = e.code();
    List<IndicatorReport> frozen;
    try {
      frozen = BatchGetIndicatorReportsResponse.parseFrom(e.reports()).getReportsList();
    } catch (InvalidProtocolBufferException ex) {
      throw new IllegalStateException("edition " + code + " holds unreadable reports", ex);
    }
    var out = summary(e).toBuilder().addAllReports(frozen);
    documents.ofEdition(e.id()).forEach(d -> out.addDocuments(toProto(out.getName(), d, true)));
    Map<String, Outturn> now = new HashMap<>();
    published().forEach(r -> r.getOutturnsList().forEach(o -> now.put(key(r, o), o)));
    Map<String, Outturn> then = new HashMap<>();
    for (IndicatorReport r : frozen) {
      for (Outturn o : r.getOutturnsList()) {
        then.put(key(r, o), o);
        Outturn current = now.get(key(r, o));
        if (current != null && !current.getName().equals(o.getName())) {
          out.addChangesSince(change(r, o, current));
        }
      }
    }
    now.forEach((k, o) -> {
      if (!then.containsKey(k) && o.hasPublishTime() && Instant.ofEpochSecond(o.getPublishTime().getSeconds(), o.getPublishTime().getNanos())
          .isAfter(e.createTime())) {
        out.addChangesSince(EditionChange.newBuilder().setIndicator(k.substring(0, k.indexOf('|')))
            .setPeriod(o.getPeriod()).setArea(o.getArea()).setNow(o));
      }
    });
    return out.build();
  }

  /** The edition {@code name} names ("editions/{code}"): INVALID_ARGUMENT on {@code field} if malformed, or NOT_FOUND. */
  private EditionRow find(String name, String field) {
    String code = name.startsWith("editions/") ? name.substring("editions/".length()) : "";
    if (!code.matches("[a-z0-9][a-z0-9-]{0,99}")) {
      throw ApiException.invalid(field, "must look like 'editions/{id}', not '" + Protos.clip(name) + "'");
    }
    return editions.findByCode(code).orElseThrow(() -> ApiException.notFound("EDITION", name));
  }

  private static EditionDocument toProto(String editionName, EditionDocumentRow d, boolean content) {
    var out = EditionDocument.newBuilder().setName(editionName + "/documents/" + d.name()).setId(d.name())
        .setMediaType(d.mediaType())
        .setCreateTime(Protos.timestamp(d.createTime())).setCreateBy(d.createBy());
    if (content) {
      out.setContent(ByteString.copyFrom(d.content()));
    }
    return out.build();
  }

  /**
   * Freezes {@code document} with the edition {@code name} names, by {@code who}; ALREADY_EXISTS when the edition has
   * a document of that name. Answers it without its content; audited without it too.
   */
  @Transactional
  public EditionDocument attach(String name, EditionDocument document, String who) {
    Violations v = new Violations();
    v.check(document.getId().matches("[A-Za-z0-9][A-Za-z0-9.-]{0,99}"), "document.id",
        "must be 1 to 100 letters, digits, dots and dashes, not '" + Protos.clip(document.getId()) + "'");
    v.check(!document.getMediaType().isBlank() && document.getMediaType().length() <= 200, "document.media_type",
        "is required (at most 200 characters)");
    v.check(!document.getContent().isEmpty() && document.getContent().size() <= MAX_DOCUMENT, "document.content",
        "must hold 1 byte to 8 MiB, not " + document.getContent().size());
    v.throwIfAny();
    EditionRow e = find(name, "edition");
    Instant at = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    if (documents.attach(e.id(), document.getId(), document.getMediaType(), document.getContent().toByteArray(),
        at, who) == 0) {
      throw ApiException.alreadyExists("EDITION_DOCUMENT", name + "/documents/" + document.getId());
    }
    EditionDocument attached = toProto(name, new EditionDocumentRow(null, e.id(), document.getId(),
        document.getMediaType(), new byte[0], at, who), false);
    audit.record(AuditLog.CREATE, attached.getName(), null, attached);
    return attached;
  }

  private static String key(IndicatorReport r, Outturn o) {
    return r.getIndicator().getName() + "|" + o.getPeriod() + "|" + o.getArea();
  }

  private static EditionChange change(IndicatorReport r, Outturn was, Outturn now) {
    return EditionChange.newBuilder().setIndicator(r.getIndicator().getName()).setPeriod(was.getPeriod())
        .setArea(was.getArea()).setWas(was).setNow(now).build();
  }

  /** A page of editions, newest first, without their reports; {@code period} null for every period's. */
  public Pages.Slice<EditionRow> list(PeriodRow period, Pages.Page page) {
    return page.slice(editions.page(period == null ? null : period.id(), page.size(), page.offset()));
  }

  /** The edition without its reports. */
  public Edition summary(EditionRow e) {
    PeriodRow p = periods.findById(e.periodId()).orElseThrow();
    return Edition.newBuilder().setName("editions/" + e.code()).setPeriod("periods/" + p.code())
        .setCreateTime(Protos.timestamp(e.createTime())).setCreateBy(e.createBy()).build();
  }
}
