package org.laasuite.indicators.grpc;

import static org.laasuite.common.grpc.FieldBehaviors.sameInput;
import static org.laasuite.common.grpc.Unary.reply;

import com.google.protobuf.Empty;
import com.google.rpc.PreconditionFailure;
import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.util.Map;
import org.laasuite.common.audit.AuditLog;
import org.laasuite.common.audit.ChangeFeed;
import org.laasuite.common.db.RequestLog;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.common.grpc.FieldMasks;
import org.laasuite.common.grpc.ProtoEnums;
import org.laasuite.common.grpc.Protos;
import org.laasuite.common.grpc.ResourceNames;
import org.laasuite.indicators.entry.Entries;
import org.laasuite.indicators.judgement.JudgementMapper;
import org.laasuite.indicators.entry.EntryRow;
import org.laasuite.indicators.measure.MeasureDrafts;
import org.laasuite.indicators.report.Editions;
import org.laasuite.indicators.report.EntryReports;
import org.laasuite.common.grpc.Pages;
import org.laasuite.common.grpc.Violations;
import org.laasuite.common.security.Authorizer;
import org.laasuite.common.security.Scopes;
import org.laasuite.indicators.area.AreaMapper;
import org.laasuite.indicators.area.AreaRow;
import org.laasuite.indicators.area.AreaService;
import org.laasuite.indicators.comparator.ComparatorMapper;
import org.laasuite.indicators.comparator.ComparatorService;
import org.laasuite.indicators.importer.OutturnImports;
import org.laasuite.indicators.importer.SimpleViewImporter;
import org.laasuite.indicators.exporter.SimpleViewExporter;
import org.laasuite.indicators.indicator.IndicatorMapper;
import org.laasuite.indicators.indicator.IndicatorRow;
import org.laasuite.indicators.indicator.IndicatorService;
import org.laasuite.indicators.indicator.Referrers;
import org.laasuite.indicators.measure.MeasureMapper;
import org.laasuite.indicators.measure.MeasureService;
import org.laasuite.indicators.measure.NarrativeRow;
import org.laasuite.indicators.measure.References;
import org.laasuite.indicators.period.PeriodMapper;
import org.laasuite.indicators.period.PeriodRow;
import org.laasuite.indicators.period.PeriodService;
import org.laasuite.indicators.report.ReportMapper;
import org.laasuite.indicators.report.ReportService;
import org.laasuite.indicators.v1.*;
import org.laasuite.partnership.v1.Permission;
import org.laasuite.type.v1.LaaBlock;
import org.laasuite.type.v1.ListAuditEventsRequest;
import org.laasuite.type.v1.ListAuditEventsResponse;
import org.laasuite.type.v1.WatchChangesRequest;
import org.laasuite.type.v1.WatchChangesResponse;

/**
 * The gRPC face of the service: requests in, services called, protos out. Errors are thrown as
 * ApiException and translated by the shared GrpcErrorInterceptor.
 */
@Singleton
public class IndicatorEndpoint extends IndicatorServiceGrpc.IndicatorServiceImplBase {

  private final IndicatorService indicators;
  private final AreaService areas;
  private final PeriodService periods;
  private final MeasureService measures;
  private final ReportService reports;
  private final SimpleViewImporter simpleView;
  private final SimpleViewExporter simpleViewExport;
  private final OutturnImports outturnImports;
  private final References references;
  private final RequestLog requestLog;
  private final Referrers referrers;
  private final Authorizer authorizer;
  private final Entries entries;
  private final EntryReports entryReports;
  private final Editions editions;
  private final TransactionOperations<Connection> transactions;
  /** The audit trail ListAuditEvents reads (every write of this service appends to it). */
  private final AuditLog audit;
  private final ChangeFeed changes;
  private final ComparatorService comparators;

  public IndicatorEndpoint(IndicatorService indicators, AreaService areas, PeriodService periods,
      MeasureService measures, ReportService reports, SimpleViewImporter simpleView, OutturnImports outturnImports,
      References references,
      RequestLog requestLog, Referrers referrers, Authorizer authorizer, Entries entries, EntryReports entryReports,
      Editions editions, TransactionOperations<Connection> transactions, AuditLog audit,
      ChangeFeed changes, SimpleViewExporter simpleViewExport, ComparatorService comparators) {
    this.comparators = comparators;
    this.simpleViewExport = simpleViewExport;
    this.audit = audit;
    this.changes = changes;
    this.entries = entries;
    this.entryReports = entryReports;
    this.editions = editions;
    this.transactions = transactions;
    this.requestLog = requestLog;
    this.authorizer = authorizer;
    this.referrers = referrers;
    this.indicators = indicators;
    this.areas = areas;
    this.periods = periods;
    this.measures = measures;
    this.reports = reports;
    this.simpleView = simpleView;
    this.outturnImports = outturnImports;
    this.references = references;
  }

  @Override
  public void getIndicator(GetIndicatorRequest r, StreamObserver<Indicator> out) {
    reply(out, () -> IndicatorMapper.toProto(indicators.get(r.getName(), "name")));
  }

  @Override
  public void listIndicators(ListIndicatorsRequest r, StreamObserver<ListIndicatorsResponse> out) {
    reply(out, () -> {
      var page = listIndicators(r.getPageSize(), r.getPageToken(), r.getBlock(), r.getThemeGroup(), r.getSource(),
          r.getShowDeleted());
      return ListIndicatorsResponse.newBuilder().addAllIndicators(page.map(IndicatorMapper::toProto))
          .setNextPageToken(page.nextPageToken()).setTotalSize((int) page.totalSize()).build();
    });
  }

  /** The page of indicators a listing's filters and page fields ask for; every problem reported at once. */
  private Pages.Slice<IndicatorRow> listIndicators(int pageSize, String pageToken,
      LaaBlock block, String themeGroup, IndicatorSource source, boolean showDeleted) {
    return listIndicators(pageSize, pageToken, block, themeGroup, source, showDeleted, indicators::list);
  }

  /** The same, read by {@code list}. */
  private Pages.Slice<IndicatorRow> listIndicators(int pageSize, String pageToken, LaaBlock block, String themeGroup,
      IndicatorSource source, boolean showDeleted,
      BiFunction<IndicatorService.Filter, Pages.Page, Pages.Slice<IndicatorRow>> list) {
    Violations v = new Violations();
    var filter = IndicatorMapper.filter(block, themeGroup, source, showDeleted, v);
    Pages.Page page = Pages.page(pageSize, pageToken, filter.query(), v);
    v.throwIfAny();
    return list.apply(filter, page);
  }

  @Override
  public void createIndicator(CreateIndicatorRequest r, StreamObserver<Indicator> out) {
    reply(out, () -> {
      authorizer.require(Permission.PERMISSION_MANAGE_INDICATORS, "create", "indicators/" + r.getIndicator().getId());
      return requestLog.once(r, () -> {
      Violations v = new Violations();
      IndicatorRow candidate = IndicatorMapper.fromProto(r.getIndicator(), "indicator", v);
      v.throwIfAny();
      return IndicatorMapper.toProto(indicators.create(candidate, sameInput(IndicatorMapper::toProto, candidate)));
    }, Indicator.parser());
    });
  }

  @Override
  public void updateIndicator(UpdateIndicatorRequest r, StreamObserver<Indicator> out) {
    reply(out, () -> {
      authorizer.require(Permission.PERMISSION_MANAGE_INDICATORS, "change", r.getIndicator().getName());
      Violations v = new Violations();
      Set<String> paths = IndicatorMapper.updatePaths(r.getIndicator(), r.getUpdateMask(), v);
      v.throwIfAny();
      return IndicatorMapper.toProto(indicators.update(r.getIndicator().getName(), r.getIndicator().getEtag(),
          (existing, problems) -> IndicatorMapper.merge(existing, r.getIndicator(), paths, problems)));
    });
  }

  @Override
  public void deleteIndicator(DeleteIndicatorRequest r, StreamObserver<Empty> out) {
    reply(out, () -> {
      authorizer.require(Permission.PERMISSION_MANAGE_INDICATORS, "delete", r.getName());
      // What the other services hold that names it, asked first and outside the transaction; force asks neither.
      var elsewhere = r.getForce() ? List.<PreconditionFailure.Violation>of()
          : referrers.of(indicators.get(r.getName(), "name"));
      indicators.delete(r.getName(), r.getEtag(), r.getForce(), elsewhere);
      return Empty.getDefaultInstance();
    });
  }

  @Override
  public void undeleteIndicator(UndeleteIndicatorRequest r, StreamObserver<Indicator> out) {
    reply(out, () -> {
      authorizer.require(Permission.PERMISSION_MANAGE_INDICATORS, "undelete", r.getName());
      return IndicatorMapper.toProto(indicators.undelete(r.getName(), r.getEtag()));
    });
  }

  @Override
  public void getArea(GetAreaRequest r, StreamObserver<Area> out) {
    reply(out, () -> AreaMapper.toProto(areas.get(r.getName())));
  }

  @Override
  public void listAreas(ListAreasRequest r, StreamObserver<ListAreasResponse> out) {
    reply(out, () -> {
      var page = areas.list(Pages.page(r.getPageSize(), r.getPageToken(), "areas"));
      return ListAreasResponse.newBuilder().addAllAreas(page.map(AreaMapper::toProto))
          .setNextPageToken(page.nextPageToken()).build();
    });
  }

  @Override
  public void createArea(CreateAreaRequest r, StreamObserver<Area> out) {
    reply(out, () -> {
      authorizer.require(Permission.PERMISSION_MANAGE_INDICATORS, "create", "areas/" + r.getArea().getId());
      return requestLog.once(r, () -> {
      Violations v = new Violations();
      AreaRow candidate = AreaMapper.fromProto(r.getArea(), "area", v);
      v.throwIfAny();
      return AreaMapper.toProto(areas.create(candidate, sameInput(AreaMapper::toProto, candidate)));
    }, Area.parser());
    });
  }

  @Override
  public void getPeriod(GetPeriodRequest r, StreamObserver<Period> out) {
    reply(out, () -> PeriodMapper.toProto(periods.get(r.getName())));
  }

  @Override
  public void listPeriods(ListPeriodsRequest r, StreamObserver<ListPeriodsResponse> out) {
    reply(out, () -> {
      var page = periods.list(Pages.page(r.getPageSize(), r.getPageToken(), "periods"));
      return ListPeriodsResponse.newBuilder().addAllPeriods(page.map(PeriodMapper::toProto))
          .setNextPageToken(page.nextPageToken()).build();
    });
  }

  @Override
  public void createPeriod(CreatePeriodRequest r, StreamObserver<Period> out) {
    reply(out, () -> {
      authorizer.require(Permission.PERMISSION_MANAGE_INDICATORS, "create", "periods/" + r.getPeriod().getId());
      return requestLog.once(r, () -> {
      Violations v = new Violations();
      PeriodRow candidate = PeriodMapper.fromProto(r.getPeriod(), "period", v);
      v.throwIfAny();
      return PeriodMapper.toProto(periods.create(candidate, sameInput(PeriodMapper::toProto, candidate)));
    }, Period.parser());
    });
  }

  @Override
  public void createBaseline(CreateBaselineRequest r, StreamObserver<Baseline> out) {
    reply(out, () -> {
      authorizer.require(Permission.PERMISSION_MANAGE_INDICATORS, "set the baseline of", r.getParent());
      return requestLog.once(r, () -> created(r.getParent(),
        (i, v) -> measures.createBaseline(i, MeasureMapper.fromProto(r.getBaseline(), "baseline", v), v), MeasureMapper::toProto),
        Baseline.parser());
    });
  }

  @Override
  public void listBaselines(ListBaselinesRequest r, StreamObserver<ListBaselinesResponse> out) {
    reply(out, () -> {
      var l = listOf(r.getParent(), r.getPageSize(), r.getPageToken(), "baselines;" + r.getParent(),
          measures::listBaselines);
      return ListBaselinesResponse.newBuilder()
          .addAllBaselines(l.slice().map(b -> MeasureMapper.toProto(l.code(), b, l.lookup())))
          .setNextPageToken(l.slice().nextPageToken()).build();
    });
  }

  @Override
  public void createTarget(CreateTargetRequest r, StreamObserver<Target> out) {
    reply(out, () -> {
      authorizer.require(Permission.PERMISSION_MANAGE_INDICATORS, "set a target of", r.getParent());
      return requestLog.once(r, () -> created(r.getParent(),
        (i, v) -> measures.createTarget(i, MeasureMapper.fromProto(r.getTarget(), "target", v), v), MeasureMapper::toProto),
        Target.parser());
    });
  }

  @Override
  public void listTargets(ListTargetsRequest r, StreamObserver<ListTargetsResponse> out) {
    reply(out, () -> {
      var l = listOf(r.getParent(), r.getPageSize(), r.getPageToken(), "targets;" + r.getParent(),
          measures::listTargets);
      return ListTargetsResponse.newBuilder()
          .addAllTargets(l.slice().map(t -> MeasureMapper.toProto(l.code(), t, l.lookup())))
          .setNextPageToken(l.slice().nextPageToken()).build();
    });
  }

  @Override
  public void createOutturn(CreateOutturnRequest r, StreamObserver<Outturn> out) {
    reply(out, () -> {
      may(Permission.PERMISSION_ENTER_FIGURES, List.of(r.getParent()), "enter figures of");
      String who = authorizer.who();
      return requestLog.once(r, () -> created(r.getParent(),
        (i, v) -> measures.createOutturn(i, MeasureMapper.fromProto(r.getOutturn(), "outturn", v), who, v), MeasureMapper::toProto),
        Outturn.parser());
    });
  }

  @Override
  public void listOutturns(ListOutturnsRequest r, StreamObserver<ListOutturnsResponse> out) {
    reply(out, () -> {
      var l = listOf(r.getParent(), r.getPageSize(), r.getPageToken(),
          "outturns;" + r.getParent() + ";" + r.getShowSuperseded() + ";" + r.getView(),
          (i, page) -> measures.listOutturns(i, r.getShowSuperseded(), latest(i, r.getView()), page));
      return ListOutturnsResponse.newBuilder()
          .addAllOutturns(l.slice().map(o -> MeasureMapper.toProto(l.code(), o, l.lookup())))
          .setNextPageToken(l.slice().nextPageToken()).build();
    });
  }

  /** A page of one kind of an indicator's measures, with what names them. */
  private record Measures<T>(String code, Pages.Slice<T> slice, References.Lookup lookup) {
  }

  /** The parent indicator (INVALID_ARGUMENT or NOT_FOUND first), then the page {@code list} reads of it. */
  private <T> Measures<T> listOf(String parent, int pageSize, String pageToken, String query,
      BiFunction<IndicatorRow, Pages.Page, Pages.Slice<T>> list) {
    var indicator = indicators.get(parent, "parent");
    Pages.Page page = Pages.page(pageSize, pageToken, query);
    return new Measures<>(indicator.code(), list.apply(indicator, page), references.lookup());
  }

  /**
   * The measure {@code create} makes of the parent indicator (INVALID_ARGUMENT or NOT_FOUND first),
   * as a proto; {@code create} maps the request's measure and has the service make it, both naming
   * problems into one Violations.
   */
  private <R, P> P created(String parent, BiFunction<IndicatorRow, Violations, R> create,
      MeasureMapper.ToProto<R, P> mapper) {
    IndicatorRow indicator = indicators.current(parent, "parent");
    return mapper.map(indicator.code(), create.apply(indicator, new Violations()), references.lookup());
  }

  /**
   * That the caller may {@code action} each indicator {@code names} names ("indicators/CYP-28"): PERMISSION_DENIED
   * for the first they may not. Names that are malformed or name no indicator are left to the request's own
   * checks, which answer them precisely.
   */
  private void may(Permission permission, List<String> names, String action) {
    for (IndicatorRow indicator : indicators.named(names)) {
      authorizer.require(permission, permission == Permission.PERMISSION_RECORD_JUDGEMENTS
          ? IndicatorService.judges(indicator) : IndicatorService.owners(indicator), action, indicator.name());
    }
  }

  /**
   * Checks and stages each row as it comes, then writes them all in one transaction when the client is done
   * (OutturnImports); the caller's rights are checked on every indicator the rows name before it answers.
   */
  @Override
  public StreamObserver<ImportOutturnsRequest> importOutturns(StreamObserver<ImportOutturnsResponse> out) {
    return outturnImports.open(out, (names, options) -> {
      may(Permission.PERMISSION_ENTER_FIGURES, names, "enter figures of");
      if (options.getPublish()) {
        authorizer.require(Permission.PERMISSION_PUBLISH_FIGURES, "publish", "imported figures");
      }
      return authorizer.who();
    });
  }

  @Override
  public void createNarrative(CreateNarrativeRequest r, StreamObserver<Narrative> out) {
    reply(out, () -> {
      may(Permission.PERMISSION_ENTER_FIGURES, List.of(r.getParent()), "write the narrative of");
      String who = authorizer.who();
      return requestLog.once(r, () -> created(r.getParent(),
        (i, v) -> measures.createNarrative(i, MeasureMapper.fromProto(r.getNarrative(), "narrative", v), who, v), MeasureMapper::toProto),
        Narrative.parser());
    });
  }

  @Override
  public void batchCreateNarratives(BatchCreateNarrativesRequest r, StreamObserver<BatchCreateNarrativesResponse> out) {
    reply(out, () -> {
      may(Permission.PERMISSION_ENTER_FIGURES, r.getRequestsList().stream().map(CreateNarrativeRequest::getParent).toList(),
          "write the narrative of");
      if (r.getPublish()) {
        authorizer.require(Permission.PERMISSION_PUBLISH_FIGURES, "publish", "narratives");
      }
      String who = authorizer.who();
      return requestLog.once(r, () -> {
      Violations v = new Violations();
      var batch = MeasureMapper.fromProto(r.getRequestsList(), v);
      List<NarrativeRow> made = measures.batchCreateNarratives(batch, r.getPublish(), who, v);
      var lookup = references.lookup();
      var response = BatchCreateNarrativesResponse.newBuilder();
      for (int i = 0; i < made.size(); i++) {
        response.addNarratives(MeasureMapper.toProto(batch.get(i).indicatorCode(), made.get(i), lookup));
      }
      return response.build();
    }, BatchCreateNarrativesResponse.parser());
    });
  }

  @Override
  public void listNarratives(ListNarrativesRequest r, StreamObserver<ListNarrativesResponse> out) {
    reply(out, () -> {
      var l = listOf(r.getParent(), r.getPageSize(), r.getPageToken(), "narratives;" + r.getParent() + ";" + r.getView(),
          (i, page) -> measures.listNarratives(i, latest(i, r.getView()), page));
      return ListNarrativesResponse.newBuilder()
          .addAllNarratives(l.slice().map(n -> MeasureMapper.toProto(l.code(), n, l.lookup())))
          .setNextPageToken(l.slice().nextPageToken()).build();
    });
  }

  @Override
  public void createRecordedJudgement(CreateRecordedJudgementRequest r, StreamObserver<RecordedJudgement> out) {
    reply(out, () -> {
      may(Permission.PERMISSION_RECORD_JUDGEMENTS, List.of(r.getParent()), "record the judgement of");
      String who = authorizer.who();
      return requestLog.once(r, () -> created(r.getParent(),
        (i, v) -> measures.createJudgement(i, MeasureMapper.fromProto(r.getJudgement(), "judgement", v), who, v), MeasureMapper::toProto),
        RecordedJudgement.parser());
    });
  }

  @Override
  public void listRecordedJudgements(ListRecordedJudgementsRequest r,
      StreamObserver<ListRecordedJudgementsResponse> out) {
    reply(out, () -> {
      var l = listOf(r.getParent(), r.getPageSize(), r.getPageToken(), "judgements;" + r.getParent() + ";" + r.getView(),
          (i, page) -> measures.listJudgements(i, latest(i, r.getView()), page));
      return ListRecordedJudgementsResponse.newBuilder()
          .addAllJudgements(l.slice().map(j -> MeasureMapper.toProto(l.code(), j, l.lookup())))
          .setNextPageToken(l.slice().nextPageToken()).build();
    });
  }

  @Override
  public void batchGetIndicatorReports(BatchGetIndicatorReportsRequest r,
      StreamObserver<BatchGetIndicatorReportsResponse> out) {
    reply(out, () -> {
      List<IndicatorRow> named = reports.named(r.getNamesList());
      return BatchGetIndicatorReportsResponse.newBuilder().addAllReports(reports.reportsOf(named,
          latestFor(named, r.getView(), named.size() == 1)).stream().map(ReportMapper::toProto).toList()).build();
    });
  }

  @Override
  public void batchGetTrendsAround(BatchGetTrendsAroundRequest r, StreamObserver<BatchGetTrendsAroundResponse> out) {
    reply(out, () -> {
      Violations v = new Violations();
      ResourceNames.checkBatch(r.getQuestionsCount(), true, "questions", "questions", v);
      List<java.time.LocalDate> days = new java.util.ArrayList<>();
      for (int k = 0; k < r.getQuestionsCount(); k++) {
        TrendQuestion q = r.getQuestions(k);
        ResourceNames.INDICATORS.id(q.getIndicator(), "questions[" + k + "].indicator", v);
        days.add(Protos.requiredDate(q.hasAt() ? q.getAt() : null, "questions[" + k + "].at", v));
      }
      v.throwIfAny();
      List<IndicatorRow> named = reports.named(r.getQuestionsList().stream().map(TrendQuestion::getIndicator)
          .toList());
      var around = reports.trendsAround(named, days);
      var answer = BatchGetTrendsAroundResponse.newBuilder();
      for (int k = 0; k < around.size(); k++) {
        answer.addAnswers(TrendAround.newBuilder().setIndicator(named.get(k).name()).setAt(r.getQuestions(k).getAt())
            .setBefore(JudgementMapper.toProto(around.get(k).before()))
            .setSince(JudgementMapper.toProto(around.get(k).since())).setTurned(around.get(k).turned()));
      }
      return answer.build();
    });
  }

  @Override
  public void listIndicatorReports(ListIndicatorReportsRequest r, StreamObserver<ListIndicatorReportsResponse> out) {
    reply(out, () -> {
      Violations v = new Violations();
      var fields = FieldMasks.readFields(r.getReadMask(), IndicatorReport.getDescriptor(), "read_mask", v);
      v.throwIfAny();
      // Two statements: the page with its total, then the figures of its reports.
      var page = listIndicators(r.getPageSize(), r.getPageToken(), r.getBlock(), r.getThemeGroup(), r.getSource(),
          false, reports::page);
      return ListIndicatorReportsResponse.newBuilder().addAllReports(reports.reportsOf(page.items(),
          latestFor(page.items(), r.getView(), false)).stream().map(ReportMapper::toProto)
          .map(report -> FieldMasks.only(report, fields)).toList())
          .setNextPageToken(page.nextPageToken()).setTotalSize((int) page.totalSize()).build();
    });
  }

  @Override
  public void importSimpleView(ImportSimpleViewRequest r, StreamObserver<ImportSimpleViewResponse> out) {
    reply(out, () -> {
      authorizer.require(Permission.PERMISSION_MANAGE_INDICATORS, "import", "an LAA Simple View");
      return requestLog.once(r, () -> simpleView.importFile(r), ImportSimpleViewResponse.parser());
    });
  }

  /**
   * ImportSimpleView, the same work, with its progress sent as it goes and its answer last. A retry with a
   * request_id already answered gets that answer alone.
   */
  @Override
  public void streamImportSimpleView(StreamImportSimpleViewRequest streamed,
      StreamObserver<ImportSimpleViewEvent> out) {
    ImportSimpleViewRequest r = streamed.getRequest();
    authorizer.require(Permission.PERMISSION_MANAGE_INDICATORS, "import", "an LAA Simple View");
    ImportSimpleViewResponse result = requestLog.once(r, () -> simpleView.importFile(r,
        progress -> out.onNext(ImportSimpleViewEvent.newBuilder().setProgress(progress).build())),
        ImportSimpleViewResponse.parser());
    out.onNext(ImportSimpleViewEvent.newBuilder().setResult(result).build());
    out.onCompleted();
  }

  @Override
  public void exportSimpleView(ExportSimpleViewRequest r, StreamObserver<ExportSimpleViewResponse> out) {
    reply(out, () -> {
      Violations v = new Violations();
      ProtoEnums.required(r.getFormat(), "format", v);
      ProtoEnums.known(r.getBlock(), "block", v);
      ProtoEnums.known(r.getView(), "view", v);
      v.throwIfAny();
      return simpleViewExport.export(r.getFormat(), r.getBlock(), found -> latestFor(found, r.getView(), false));
    });
  }

  // ---- Entries: from entry to the public (issue 14) ----

  private boolean maySeePending(IndicatorRow indicator) {
    return authorizer.holdsAny(Scopes.SEE_PENDING, Scopes.pending(indicator.ownerOrganisation(),
        indicator.themeGroup()));
  }

  /**
   * Whether a read of one indicator shows its latest revisions: {@code view} LATEST asks it, and the caller must be
   * one who may see them (PERMISSION_DENIED otherwise).
   */
  private boolean latest(IndicatorRow indicator, FigureView view) {
    if (view != FigureView.FIGURE_VIEW_LATEST) {
      return false;
    }
    if (!maySeePending(indicator)) {
      authorizer.require(Permission.PERMISSION_ENTER_FIGURES, IndicatorService.owners(indicator),
          "see the pending figures of", indicator.name());
    }
    return true;
  }

  /**
   * The ids of the indicators whose latest revisions a read of many shows: with {@code view} LATEST, those the caller
   * may see pending ({@code strict}: all of them, else PERMISSION_DENIED for the first they may not).
   */
  private Set<Long> latestFor(List<IndicatorRow> found, FigureView view, boolean strict) {
    if (view != FigureView.FIGURE_VIEW_LATEST) {
      return Set.of();
    }
    Set<Long> ids = new java.util.HashSet<>();
    for (IndicatorRow i : found) {
      if (strict ? latest(i, view) : maySeePending(i)) {
        ids.add(i.id());
      }
    }
    return ids;
  }

  /**
   * The indicator of an entry's name and its period ({@code found}: null when no such period exists, answered
   * NOT_FOUND by {@link #period()} once the caller's rights over the indicator were checked).
   */
  private record Located(IndicatorRow indicator, PeriodRow found, String name) {

    PeriodRow period() {
      if (found == null) {
        throw ApiException.notFound("ENTRY", name);
      }
      return found;
    }
  }

  /** The indicator and period an entry's name names: INVALID_ARGUMENT when malformed, NOT_FOUND for no indicator. */
  private Located locate(String name, String field) {
    Violations v = new Violations();
    Entries.Name parts = Entries.parse(name, field, v);
    v.throwIfAny();
    return new Located(indicators.get(parts.indicator(), field), entries.period(parts.periodCode()), name);
  }

  /** An entry as those who work on it see it: with what is pending. */
  private Entry view(EntryRow row, boolean latest) {
    return entryReports.view(List.of(row), latest).getFirst();
  }

  @Override
  public void getEntry(GetEntryRequest r, StreamObserver<Entry> out) {
    reply(out, () -> {
      Located at = locate(r.getName(), "name");
      boolean latest = latest(at.indicator(), r.getView());
      List<Entry> shown = entryReports.view(List.of(entries.get(at.indicator(), at.period())), latest);
      if (shown.isEmpty()) {
        throw ApiException.notFound("ENTRY", r.getName());
      }
      return shown.getFirst();
    });
  }

  @Override
  public void listEntries(ListEntriesRequest r, StreamObserver<ListEntriesResponse> out) {
    reply(out, () -> {
      Violations v = new Violations();
      List<Long> indicatorIds = null;
      if (!"indicators/-".equals(r.getParent())) {
        String code = org.laasuite.common.grpc.ResourceNames.INDICATORS.id(r.getParent(), "parent", v);
        if (code != null) {
          indicatorIds = List.of(indicators.get(r.getParent(), "parent").id());
        }
      }
      PeriodRow period = references.period(r.getPeriod(), "period", false, v);
      v.check(r.getThemeGroup().isEmpty() || r.getThemeGroup().startsWith("bodies/"), "theme_group",
          "must look like 'bodies/{id}'");
      for (int i = 0; i < r.getStatesCount(); i++) {
        ProtoEnums.required(r.getStates(i), "states[" + i + "]", v);
      }
      Pages.Page page = Pages.page(r.getPageSize(), r.getPageToken(), "entries;" + r.getParent() + ";" + r.getPeriod()
          + ";" + r.getThemeGroup() + ";" + r.getStatesList() + ";" + r.getView(), v);
      v.throwIfAny();
      boolean wantLatest = r.getView() == FigureView.FIGURE_VIEW_LATEST;
      List<EntryRow> rows = entries.page(indicatorIds, period == null ? null : period.id(),
          r.getThemeGroup().isEmpty() ? null : r.getThemeGroup(), r.getStatesList(), page.size(), page.offset());
      // Each entry in the view its reader may have: pending ones only of the indicators they may see pending.
      Map<Long, IndicatorRow> byId = new java.util.HashMap<>();
      indicators.byIds(rows.stream().map(EntryRow::indicatorId).distinct().toList()).forEach(i -> byId.put(i.id(), i));
      List<EntryRow> pendingShown = new ArrayList<>();
      List<EntryRow> publicShown = new ArrayList<>();
      Map<Long, Boolean> sees = new java.util.HashMap<>();
      for (EntryRow e : rows) {
        boolean mine = wantLatest && sees.computeIfAbsent(e.indicatorId(), id -> maySeePending(byId.get(id)));
        (mine ? pendingShown : publicShown).add(e);
      }
      Map<String, Entry> shown = new java.util.HashMap<>();
      entryReports.view(pendingShown, true).forEach(e -> shown.put(e.getName(), e));
      entryReports.view(publicShown, false).forEach(e -> shown.put(e.getName(), e));
      var response = ListEntriesResponse.newBuilder().setNextPageToken(page.slice(rows).nextPageToken());
      var lookup = references.lookup();
      for (EntryRow e : rows) {
        Entry entry = shown.get(Entries.of(byId.get(e.indicatorId()).code(), lookup.period(e.periodId()).code()));
        if (entry != null && (r.getStatesCount() == 0 || r.getStatesList().contains(entry.getState()))) {
          response.addEntries(entry);
        }
      }
      return response.build();
    });
  }

  @Override
  public void saveEntry(SaveEntryRequest r, StreamObserver<Entry> out) {
    reply(out, () -> {
      Located at = locate(r.getName(), "name");
      IndicatorService.refuseArchived(at.indicator());
      authorizer.require(Permission.PERMISSION_ENTER_FIGURES, IndicatorService.owners(at.indicator()),
          "enter figures of", at.indicator().name());
      boolean judged = r.hasRecordedJudgement() && r.getRecordedJudgement().getRating() != Rating.RATING_UNSPECIFIED;
      if (judged) {
        authorizer.require(Permission.PERMISSION_RECORD_JUDGEMENTS, IndicatorService.judges(at.indicator()),
            "record the judgement of", at.indicator().name());
      }
      if (r.getSubmit()) {
        authorizer.require(Permission.PERMISSION_ENTER_FIGURES, IndicatorService.owners(at.indicator()),
            "submit the figures of", at.indicator().name());
      }
      String who = authorizer.who();
      String period = "periods/" + at.period().code();
      Violations v = new Violations();
      List<MeasureDrafts.OutturnDraft> os = new ArrayList<>();
      for (int i = 0; i < r.getOutturnsCount(); i++) {
        Outturn o = r.getOutturns(i);
        v.check(o.getPeriod().isEmpty() || o.getPeriod().equals(period), "outturns[" + i + "].period",
            "must be the entry's period, " + period);
        os.add(MeasureMapper.fromProto(o.toBuilder().setPeriod(period).build(), "outturns[" + i + "]", v));
      }
      boolean narrated = r.hasNarrative() && !(r.getNarrative().getAchieved().isBlank()
          && r.getNarrative().getNextSteps().isBlank());
      var narrative = narrated ? MeasureMapper.fromProto(r.getNarrative().toBuilder().setPeriod(period).build(),
          "narrative", v) : null;
      var judgement = judged ? MeasureMapper.fromProto(r.getRecordedJudgement().toBuilder().setPeriod(period).build(),
          "recorded_judgement", v) : null;
      v.check(!os.isEmpty() || narrated || judged || r.getSubmit(), "outturns",
          "give an outturn, a narrative or a judgement to save (or submit)");
      boolean writes = !os.isEmpty() || narrative != null || judgement != null;
      if (!writes) {
        v.throwIfAny();
      }
      // The periods and areas named are looked up with the write, their problems reported with those above.
      java.util.function.Supplier<Entry> work = () -> transactions.executeWrite(status -> {
        if (writes) {
          measures.saveEntry(at.indicator(), at.period(), os, narrative, judgement, r.getEtag(), who, v);
        }
        if (r.getSubmit()) {
          // The etag was checked before the write, in this transaction and under the entry's lock; the write has
          // changed it since, so the submit of what was just written does not check it again.
          entries.move(List.of(Entries.submit(at.indicator(), at.period(), writes ? "" : r.getEtag())), who);
        }
        Entry answer = view(entries.get(at.indicator(), at.period()), true);
        if (r.getValidateOnly()) {
          status.setRollbackOnly();
        }
        return answer;
      });
      return r.getValidateOnly() ? work.get() : requestLog.once(r, work, Entry.parser());
    });
  }

  @Override
  public void submitEntry(SubmitEntryRequest r, StreamObserver<Entry> out) {
    reply(out, () -> {
      Located at = locate(r.getName(), "name");
      authorizer.require(Permission.PERMISSION_ENTER_FIGURES, IndicatorService.owners(at.indicator()),
          "submit the figures of", at.indicator().name());
      return view(entries.move(List.of(Entries.submit(at.indicator(), at.period(), r.getEtag())),
          authorizer.who()).getFirst(), true);
    });
  }

  @Override
  public void returnEntry(ReturnEntryRequest r, StreamObserver<Entry> out) {
    reply(out, () -> {
      Located at = locate(r.getName(), "name");
      Violations v = new Violations();
      v.required(r.getReason().strip(), "reason");
      v.maxLength(r.getReason(), Violations.MAX_TEXT, "reason");
      v.throwIfAny();
      if (!authorizer.holdsAny(List.of(Permission.PERMISSION_PUBLISH_FIGURES), List.of())) {
        authorizer.require(Permission.PERMISSION_APPROVE_FIGURES, IndicatorService.judges(at.indicator()),
            "return the figures of", at.indicator().name());
      }
      return view(entries.move(List.of(Entries.giveBack(at.indicator(), at.period(), r.getEtag(),
          r.getReason().strip())), authorizer.who()).getFirst(), true);
    });
  }

  /** The entries a selection names, in the state a step moves from; each checked by {@code check}. */
  private List<Located> selected(EntrySelection s, PublicationState from, java.util.function.Consumer<Located> check) {
    Violations v = new Violations();
    List<Located> out = new ArrayList<>();
    if (s.getNamesCount() > 0) {
      v.check(s.getPeriod().isEmpty() && s.getThemeGroup().isEmpty(), "selection.period",
          "must be empty when entries are named");
      org.laasuite.common.grpc.ResourceNames.checkBatch(s.getNamesCount(), true, "selection.names", "entries", v);
      v.throwIfAny();
      for (int i = 0; i < s.getNamesCount(); i++) {
        out.add(locate(s.getNames(i), "selection.names[" + i + "]"));
      }
    } else {
      PeriodRow period = references.period(s.getPeriod(), "selection.period", true, v);
      v.check(s.getThemeGroup().isEmpty() || s.getThemeGroup().startsWith("bodies/"), "selection.theme_group",
          "must look like 'bodies/{id}'");
      v.throwIfAny();
      List<EntryRow> rows = entries.page(null, period.id(), s.getThemeGroup().isEmpty() ? null : s.getThemeGroup(),
          List.of(from), org.laasuite.common.grpc.ResourceNames.MAX_BATCH, 0);
      Map<Long, IndicatorRow> byId = new java.util.HashMap<>();
      indicators.byIds(rows.stream().map(EntryRow::indicatorId).distinct().toList()).forEach(i -> byId.put(i.id(), i));
      rows.forEach(e -> out.add(new Located(byId.get(e.indicatorId()), period, Entries.of(byId.get(e.indicatorId())
          .code(), period.code()))));
    }
    out.forEach(check);
    return out;
  }

  @Override
  public void approveEntries(ApproveEntriesRequest r, StreamObserver<ApproveEntriesResponse> out) {
    reply(out, () -> {
      var chosen = selected(r.getSelection(), PublicationState.PUBLICATION_STATE_SUBMITTED,
          at -> authorizer.require(Permission.PERMISSION_APPROVE_FIGURES, IndicatorService.judges(at.indicator()),
              "approve the figures of", at.indicator().name()));
      var moved = entries.move(chosen.stream().map(at -> Entries.approve(at.indicator(), at.period())).toList(),
          authorizer.who());
      return ApproveEntriesResponse.newBuilder().addAllEntries(entryReports.view(moved, true)).build();
    });
  }

  @Override
  public void publishEntries(PublishEntriesRequest r, StreamObserver<PublishEntriesResponse> out) {
    reply(out, () -> {
      Violations v = new Violations();
      v.check(!r.getFreezeEdition() || (!r.getSelection().getPeriod().isEmpty()
          && r.getSelection().getThemeGroup().isEmpty() && r.getSelection().getNamesCount() == 0),
          "freeze_edition", "an edition is a whole period's: select the period alone");
      v.throwIfAny();
      var chosen = selected(r.getSelection(), PublicationState.PUBLICATION_STATE_APPROVED,
          at -> authorizer.require(Permission.PERMISSION_PUBLISH_FIGURES, List.of(), "publish the figures of",
              at.indicator().name()));
      if (r.getFreezeEdition()) {
        authorizer.require(Permission.PERMISSION_PUBLISH_FIGURES, List.of(), "freeze an edition of",
            r.getSelection().getPeriod());
      }
      String who = authorizer.who();
      return requestLog.once(r, () -> transactions.executeWrite(status -> {
        var moved = entries.move(chosen.stream().map(at -> Entries.publish(at.indicator(), at.period())).toList(),
            who);
        var response = PublishEntriesResponse.newBuilder().addAllEntries(entryReports.view(moved, true));
        if (r.getFreezeEdition()) {
          PeriodRow period = references.period(r.getSelection().getPeriod(), "selection.period", true,
              new Violations());
          response.setEdition("editions/" + editions.freeze(period, who).code());
        }
        return response.build();
      }), PublishEntriesResponse.parser());
    });
  }

  @Override
  public void getEdition(GetEditionRequest r, StreamObserver<Edition> out) {
    reply(out, () -> editions.get(r.getName()));
  }

  @Override
  public void listEditions(ListEditionsRequest r, StreamObserver<ListEditionsResponse> out) {
    reply(out, () -> {
      Violations v = new Violations();
      PeriodRow period = references.period(r.getPeriod(), "period", false, v);
      Pages.Page page = Pages.page(r.getPageSize(), r.getPageToken(), "editions;" + r.getPeriod(), v);
      v.throwIfAny();
      var slice = editions.list(period, page);
      return ListEditionsResponse.newBuilder().addAllEditions(slice.map(editions::summary))
          .setNextPageToken(slice.nextPageToken()).build();
    });
  }

  @Override
  public void attachEditionDocument(AttachEditionDocumentRequest r, StreamObserver<EditionDocument> out) {
    reply(out, () -> {
      authorizer.require(Permission.PERMISSION_PUBLISH_FIGURES, "attach a document to", r.getEdition());
      String who = authorizer.who();
      return requestLog.once(r, () -> editions.attach(r.getEdition(), r.getDocument(), who),
          EditionDocument.parser());
    });
  }

  @Override
  public void createComparatorGroup(CreateComparatorGroupRequest r, StreamObserver<ComparatorGroup> out) {
    reply(out, () -> {
      authorizer.require(Permission.PERMISSION_MANAGE_INDICATORS, "create",
          "comparatorGroups/" + r.getComparatorGroup().getId());
      return requestLog.once(r, () -> {
        Violations v = new Violations();
        var candidate = ComparatorMapper.fromProto(r.getComparatorGroup(), "comparator_group", v);
        v.throwIfAny();
        return ComparatorMapper.toProto(comparators.createGroup(candidate, sameInput(ComparatorMapper::toProto,
            candidate)));
      }, ComparatorGroup.parser());
    });
  }

  @Override
  public void listComparatorGroups(ListComparatorGroupsRequest r, StreamObserver<ListComparatorGroupsResponse> out) {
    reply(out, () -> {
      var page = comparators.listGroups(Pages.page(r.getPageSize(), r.getPageToken(), "comparatorGroups"));
      return ListComparatorGroupsResponse.newBuilder().addAllComparatorGroups(page.map(ComparatorMapper::toProto))
          .setNextPageToken(page.nextPageToken()).build();
    });
  }

  @Override
  public void createComparatorFigure(CreateComparatorFigureRequest r, StreamObserver<ComparatorFigure> out) {
    reply(out, () -> {
      authorizer.require(Permission.PERMISSION_MANAGE_INDICATORS, "record a comparator figure of", r.getParent());
      return requestLog.once(r, () -> {
        IndicatorRow indicator = indicators.current(r.getParent(), "parent");
        Violations v = new Violations();
        var draft = ComparatorMapper.fromProto(r.getComparatorFigure(), "comparator_figure", v);
        return comparators.createFigure(indicator, draft, v).toProto();
      }, ComparatorFigure.parser());
    });
  }

  @Override
  public void listComparatorFigures(ListComparatorFiguresRequest r,
      StreamObserver<ListComparatorFiguresResponse> out) {
    reply(out, () -> {
      IndicatorRow indicator = "indicators/-".equals(r.getParent()) ? null : indicators.get(r.getParent(), "parent");
      var page = comparators.listFigures(indicator, Pages.page(r.getPageSize(), r.getPageToken(),
          "comparatorFigures;" + r.getParent()));
      return ListComparatorFiguresResponse.newBuilder()
          .addAllComparatorFigures(page.map(ComparatorService.Named::toProto))
          .setNextPageToken(page.nextPageToken()).build();
    });
  }

  @Override
  public void importComparators(ImportComparatorsRequest r, StreamObserver<ImportComparatorsResponse> out) {
    reply(out, () -> {
      authorizer.require(Permission.PERMISSION_MANAGE_INDICATORS, "import", "comparator groups and figures");
      return requestLog.once(r, () -> {
        Violations v = new Violations();
        org.laasuite.common.grpc.ResourceNames.checkBatch(r.getGroupsCount(), false, "groups", "groups", v);
        org.laasuite.common.grpc.ResourceNames.checkBatch(r.getFiguresCount(), false, "figures", "figures", v);
        v.throwIfAny();
        List<org.laasuite.indicators.comparator.ComparatorGroupRow> groups = new ArrayList<>();
        for (int i = 0; i < r.getGroupsCount(); i++) {
          groups.add(ComparatorMapper.fromProto(r.getGroups(i), "groups[" + i + "]", v));
        }
        List<ComparatorService.IndicatorFigure> figures = new ArrayList<>();
        for (int i = 0; i < r.getFiguresCount(); i++) {
          var f = r.getFigures(i);
          String code = org.laasuite.common.grpc.ResourceNames.INDICATORS.id(f.getParent(),
              "figures[" + i + "].parent", v);
          figures.add(new ComparatorService.IndicatorFigure(code, ComparatorMapper.fromProto(f.getComparatorFigure(),
              "figures[" + i + "].comparator_figure", v)));
        }
        var done = comparators.importAll(groups, figures, v);
        return ImportComparatorsResponse.newBuilder()
            .addAllGroups(done.groups().stream().map(ComparatorMapper::toProto).toList())
            .addAllFigures(done.figures().stream().map(ComparatorService.Named::toProto).toList())
            .setGroupsCreated(done.groupsCreated()).setFiguresCreated(done.figuresCreated()).build();
      }, ImportComparatorsResponse.parser());
    });
  }

  @Override
  public void listAuditEvents(ListAuditEventsRequest r,
      StreamObserver<ListAuditEventsResponse> out) {
    reply(out, () -> {
      authorizer.require(Permission.PERMISSION_MANAGE_INDICATORS, "read", "the indicators service's audit trail");
      return audit.list(r);
    });
  }

  @Override
  public void watchChanges(WatchChangesRequest r, StreamObserver<WatchChangesResponse> out) {
    changes.watch(out, authorizer, Permission.PERMISSION_MANAGE_INDICATORS);
  }
}
