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
import org.laasuite.common.db.RequestLog;
import org.laasuite.common.grpc.Pages;
import org.laasuite.common.grpc.Violations;
import org.laasuite.common.security.Authorizer;
import org.laasuite.indicators.area.AreaMapper;
import org.laasuite.indicators.area.AreaRow;
import org.laasuite.indicators.area.AreaService;
import org.laasuite.indicators.importer.SimpleViewImporter;
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
  private final References references;
  private final RequestLog requestLog;
  private final Referrers referrers;
  private final Authorizer authorizer;

  public IndicatorEndpoint(IndicatorService indicators, AreaService areas, PeriodService periods,
      MeasureService measures, ReportService reports, SimpleViewImporter simpleView, References references,
      RequestLog requestLog, Referrers referrers, Authorizer authorizer) {
    this.requestLog = requestLog;
    this.authorizer = authorizer;
    this.referrers = referrers;
    this.indicators = indicators;
    this.areas = areas;
    this.periods = periods;
    this.measures = measures;
    this.reports = reports;
    this.simpleView = simpleView;
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
    Violations v = new Violations();
    var filter = IndicatorMapper.filter(block, themeGroup, source, showDeleted, v);
    Pages.Page page = Pages.page(pageSize, pageToken, filter.query(), v);
    v.throwIfAny();
    return indicators.list(filter, page);
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
      return requestLog.once(r, () -> created(r.getParent(),
        (i, v) -> measures.createOutturn(i, MeasureMapper.fromProto(r.getOutturn(), "outturn", v), v), MeasureMapper::toProto),
        Outturn.parser());
    });
  }

  @Override
  public void listOutturns(ListOutturnsRequest r, StreamObserver<ListOutturnsResponse> out) {
    reply(out, () -> {
      var l = listOf(r.getParent(), r.getPageSize(), r.getPageToken(),
          "outturns;" + r.getParent() + ";" + r.getShowSuperseded(),
          (i, page) -> measures.listOutturns(i, r.getShowSuperseded(), page));
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

  /** Collects the stream, then validates and writes it in one transaction when the client is done. */
  @Override
  public StreamObserver<ImportOutturnsRequest> importOutturns(StreamObserver<ImportOutturnsResponse> out) {
    return new StreamObserver<>() {
      private final List<OutturnRow> rows = new ArrayList<>();
      private ImportOptions options = ImportOptions.getDefaultInstance();

      @Override
      public void onNext(ImportOutturnsRequest message) {
        if (message.hasOptions()) {
          if (!rows.isEmpty()) {
            throw org.laasuite.common.grpc.ApiException.invalid("options", "must come in the first message");
          }
          options = message.getOptions();
        } else {
          OutturnRow row = message.getRow();
          MeasureMapper.checkImportRows(rows.size() + 1);
          rows.add(row.getRowNumber() > 0 ? row : row.toBuilder().setRowNumber(rows.size() + 1).build());
        }
      }

      @Override
      public void onError(Throwable t) {
        // the client gave up: nothing was written
      }

      @Override
      public void onCompleted() {
        List<com.google.protobuf.Message> request = new ArrayList<>(rows);
        request.addFirst(options.toBuilder().clearRequestId().build());
        reply(out, () -> {
          may(Permission.PERMISSION_ENTER_FIGURES, rows.stream().map(OutturnRow::getIndicator).toList(),
              "enter figures of");
          return requestLog.once(ImportOutturnsRequest.getDescriptor().getFullName(), options.getRequestId(),
              "options.request_id", request, () -> MeasureMapper.toProto(measures.importOutturns(
                  MeasureMapper.fromProto(rows), options.getValidateOnly(), options.getAllowPartial())),
              ImportOutturnsResponse.parser());
        });
      }
    };
  }

  @Override
  public void createNarrative(CreateNarrativeRequest r, StreamObserver<Narrative> out) {
    reply(out, () -> {
      may(Permission.PERMISSION_ENTER_FIGURES, List.of(r.getParent()), "write the narrative of");
      return requestLog.once(r, () -> created(r.getParent(),
        (i, v) -> measures.createNarrative(i, MeasureMapper.fromProto(r.getNarrative(), "narrative", v), v), MeasureMapper::toProto),
        Narrative.parser());
    });
  }

  @Override
  public void batchCreateNarratives(BatchCreateNarrativesRequest r, StreamObserver<BatchCreateNarrativesResponse> out) {
    reply(out, () -> {
      may(Permission.PERMISSION_ENTER_FIGURES, r.getRequestsList().stream().map(CreateNarrativeRequest::getParent).toList(),
          "write the narrative of");
      return requestLog.once(r, () -> {
      Violations v = new Violations();
      var batch = MeasureMapper.fromProto(r.getRequestsList(), v);
      List<NarrativeRow> made = measures.batchCreateNarratives(batch, v);
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
      var l = listOf(r.getParent(), r.getPageSize(), r.getPageToken(), "narratives;" + r.getParent(),
          measures::listNarratives);
      return ListNarrativesResponse.newBuilder()
          .addAllNarratives(l.slice().map(n -> MeasureMapper.toProto(l.code(), n, l.lookup())))
          .setNextPageToken(l.slice().nextPageToken()).build();
    });
  }

  @Override
  public void createRecordedJudgement(CreateRecordedJudgementRequest r, StreamObserver<RecordedJudgement> out) {
    reply(out, () -> {
      may(Permission.PERMISSION_RECORD_JUDGEMENTS, List.of(r.getParent()), "record the judgement of");
      return requestLog.once(r, () -> created(r.getParent(),
        (i, v) -> measures.createJudgement(i, MeasureMapper.fromProto(r.getJudgement(), "judgement", v), v), MeasureMapper::toProto),
        RecordedJudgement.parser());
    });
  }

  @Override
  public void listRecordedJudgements(ListRecordedJudgementsRequest r,
      StreamObserver<ListRecordedJudgementsResponse> out) {
    reply(out, () -> {
      var l = listOf(r.getParent(), r.getPageSize(), r.getPageToken(), "judgements;" + r.getParent(),
          measures::listJudgements);
      return ListRecordedJudgementsResponse.newBuilder()
          .addAllJudgements(l.slice().map(j -> MeasureMapper.toProto(l.code(), j, l.lookup())))
          .setNextPageToken(l.slice().nextPageToken()).build();
    });
  }

  @Override
  public void batchGetIndicatorReports(BatchGetIndicatorReportsRequest r,
      StreamObserver<BatchGetIndicatorReportsResponse> out) {
    reply(out, () -> BatchGetIndicatorReportsResponse.newBuilder().addAllReports(reports.reports(r.getNamesList()).stream().map(ReportMapper::toProto).toList())
        .build());
  }

  @Override
  public void listIndicatorReports(ListIndicatorReportsRequest r, StreamObserver<ListIndicatorReportsResponse> out) {
    reply(out, () -> {
      var page = listIndicators(r.getPageSize(), r.getPageToken(), r.getBlock(), r.getThemeGroup(), r.getSource(),
          false);
      return ListIndicatorReportsResponse.newBuilder().addAllReports(reports.reportsOf(page.items()).stream().map(ReportMapper::toProto).toList())
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

  /** The audit trail ListAuditEvents reads (every write of this service appends to it). */
  @jakarta.inject.Inject
  org.laasuite.common.audit.AuditLog audit;

  @Override
  public void listAuditEvents(org.laasuite.type.v1.ListAuditEventsRequest r,
      StreamObserver<org.laasuite.type.v1.ListAuditEventsResponse> out) {
    reply(out, () -> {
      authorizer.require(Permission.PERMISSION_MANAGE_INDICATORS, "read", "the indicators service's audit trail");
      return audit.list(r);
    });
  }
}
