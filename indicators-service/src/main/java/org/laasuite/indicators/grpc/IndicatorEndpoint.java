package org.laasuite.indicators.grpc;

import static org.laasuite.common.grpc.Unary.reply;

import com.google.protobuf.Empty;
import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.laasuite.indicators.area.AreaService;
import org.laasuite.indicators.importer.SimpleViewImporter;
import org.laasuite.indicators.indicator.IndicatorMapper;
import org.laasuite.indicators.indicator.IndicatorService;
import org.laasuite.indicators.measure.MeasureMapper;
import org.laasuite.indicators.measure.MeasureService;
import org.laasuite.indicators.period.PeriodService;
import org.laasuite.indicators.report.ReportService;
import org.laasuite.indicators.v1.*;

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

  public IndicatorEndpoint(IndicatorService indicators, AreaService areas, PeriodService periods,
      MeasureService measures, ReportService reports, SimpleViewImporter simpleView) {
    this.indicators = indicators;
    this.areas = areas;
    this.periods = periods;
    this.measures = measures;
    this.reports = reports;
    this.simpleView = simpleView;
  }

  @Override
  public void getIndicator(GetIndicatorRequest r, StreamObserver<Indicator> out) {
    reply(out, () -> IndicatorMapper.toProto(indicators.get(r.getName(), "name")));
  }

  @Override
  public void listIndicators(ListIndicatorsRequest r, StreamObserver<ListIndicatorsResponse> out) {
    reply(out, () -> {
      var page = indicators.list(r.getPageSize(), r.getPageToken(), r.getBlock(), r.getThemeGroup(), r.getSource());
      return ListIndicatorsResponse.newBuilder()
          .addAllIndicators(page.indicators().stream().map(IndicatorMapper::toProto).toList())
          .setNextPageToken(page.nextPageToken()).setTotalSize(page.totalSize()).build();
    });
  }

  @Override
  public void createIndicator(CreateIndicatorRequest r, StreamObserver<Indicator> out) {
    reply(out, () -> IndicatorMapper.toProto(indicators.create(r.getIndicator())));
  }

  @Override
  public void updateIndicator(UpdateIndicatorRequest r, StreamObserver<Indicator> out) {
    reply(out, () -> IndicatorMapper.toProto(indicators.update(r.getIndicator(), r.getUpdateMask())));
  }

  @Override
  public void deleteIndicator(DeleteIndicatorRequest r, StreamObserver<Empty> out) {
    reply(out, () -> {
      indicators.delete(r.getName());
      return Empty.getDefaultInstance();
    });
  }

  @Override
  public void getArea(GetAreaRequest r, StreamObserver<Area> out) {
    reply(out, () -> AreaService.toProto(areas.get(r.getName())));
  }

  @Override
  public void listAreas(ListAreasRequest r, StreamObserver<ListAreasResponse> out) {
    reply(out, () -> {
      var page = areas.list(r.getPageSize(), r.getPageToken());
      return ListAreasResponse.newBuilder().addAllAreas(page.areas().stream().map(AreaService::toProto).toList())
          .setNextPageToken(page.nextPageToken()).build();
    });
  }

  @Override
  public void createArea(CreateAreaRequest r, StreamObserver<Area> out) {
    reply(out, () -> AreaService.toProto(areas.create(r.getArea())));
  }

  @Override
  public void getPeriod(GetPeriodRequest r, StreamObserver<Period> out) {
    reply(out, () -> PeriodService.toProto(periods.get(r.getName())));
  }

  @Override
  public void listPeriods(ListPeriodsRequest r, StreamObserver<ListPeriodsResponse> out) {
    reply(out, () -> {
      var page = periods.list(r.getPageSize(), r.getPageToken());
      return ListPeriodsResponse.newBuilder()
          .addAllPeriods(page.periods().stream().map(PeriodService::toProto).toList())
          .setNextPageToken(page.nextPageToken()).build();
    });
  }

  @Override
  public void createPeriod(CreatePeriodRequest r, StreamObserver<Period> out) {
    reply(out, () -> PeriodService.toProto(periods.create(r.getPeriod())));
  }

  @Override
  public void createBaseline(CreateBaselineRequest r, StreamObserver<Baseline> out) {
    reply(out, () -> measures.createBaseline(r.getParent(), r.getBaseline()));
  }

  @Override
  public void listBaselines(ListBaselinesRequest r, StreamObserver<ListBaselinesResponse> out) {
    reply(out, () -> {
      var l = measures.listBaselines(r.getParent(), r.getPageSize(), r.getPageToken());
      return ListBaselinesResponse.newBuilder()
          .addAllBaselines(l.items().stream().map(b -> MeasureMapper.toProto(l.indicator().code(), b, l.lookup()))
              .toList())
          .setNextPageToken(l.nextPageToken()).build();
    });
  }

  @Override
  public void createTarget(CreateTargetRequest r, StreamObserver<Target> out) {
    reply(out, () -> measures.createTarget(r.getParent(), r.getTarget()));
  }

  @Override
  public void listTargets(ListTargetsRequest r, StreamObserver<ListTargetsResponse> out) {
    reply(out, () -> {
      var l = measures.listTargets(r.getParent(), r.getPageSize(), r.getPageToken());
      return ListTargetsResponse.newBuilder()
          .addAllTargets(l.items().stream().map(t -> MeasureMapper.toProto(l.indicator().code(), t, l.lookup()))
              .toList())
          .setNextPageToken(l.nextPageToken()).build();
    });
  }

  @Override
  public void createOutturn(CreateOutturnRequest r, StreamObserver<Outturn> out) {
    reply(out, () -> measures.createOutturn(r.getParent(), r.getOutturn()));
  }

  @Override
  public void listOutturns(ListOutturnsRequest r, StreamObserver<ListOutturnsResponse> out) {
    reply(out, () -> {
      var l = measures.listOutturns(r.getParent(), r.getPageSize(), r.getPageToken(), r.getShowSuperseded());
      return ListOutturnsResponse.newBuilder()
          .addAllOutturns(l.items().stream().map(o -> MeasureMapper.toProto(l.indicator().code(), o, l.lookup()))
              .toList())
          .setNextPageToken(l.nextPageToken()).build();
    });
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
          rows.add(row.getRowNumber() > 0 ? row : row.toBuilder().setRowNumber(rows.size() + 1).build());
        }
      }

      @Override
      public void onError(Throwable t) {
        // the client gave up: nothing was written
      }

      @Override
      public void onCompleted() {
        reply(out, () -> measures.importOutturns(rows, options.getValidateOnly(), options.getAllowPartial()));
      }
    };
  }

  @Override
  public void createNarrative(CreateNarrativeRequest r, StreamObserver<Narrative> out) {
    reply(out, () -> measures.createNarrative(r.getParent(), r.getNarrative()));
  }

  @Override
  public void batchCreateNarratives(BatchCreateNarrativesRequest r, StreamObserver<BatchCreateNarrativesResponse> out) {
    reply(out, () -> BatchCreateNarrativesResponse.newBuilder()
        .addAllNarratives(measures.batchCreateNarratives(r.getRequestsList())).build());
  }

  @Override
  public void listNarratives(ListNarrativesRequest r, StreamObserver<ListNarrativesResponse> out) {
    reply(out, () -> {
      var l = measures.listNarratives(r.getParent(), r.getPageSize(), r.getPageToken());
      return ListNarrativesResponse.newBuilder()
          .addAllNarratives(l.items().stream().map(n -> MeasureMapper.toProto(l.indicator().code(), n, l.lookup()))
              .toList())
          .setNextPageToken(l.nextPageToken()).build();
    });
  }

  @Override
  public void createRecordedJudgement(CreateRecordedJudgementRequest r, StreamObserver<RecordedJudgement> out) {
    reply(out, () -> measures.createJudgement(r.getParent(), r.getJudgement()));
  }

  @Override
  public void listRecordedJudgements(ListRecordedJudgementsRequest r,
      StreamObserver<ListRecordedJudgementsResponse> out) {
    reply(out, () -> {
      var l = measures.listJudgements(r.getParent(), r.getPageSize(), r.getPageToken());
      return ListRecordedJudgementsResponse.newBuilder()
          .addAllJudgements(l.items().stream().map(j -> MeasureMapper.toProto(l.indicator().code(), j, l.lookup()))
              .toList())
          .setNextPageToken(l.nextPageToken()).build();
    });
  }

  @Override
  public void batchGetIndicatorReports(BatchGetIndicatorReportsRequest r,
      StreamObserver<BatchGetIndicatorReportsResponse> out) {
    reply(out, () -> BatchGetIndicatorReportsResponse.newBuilder().addAllReports(reports.reports(r.getNamesList()))
        .build());
  }

  @Override
  public void listIndicatorReports(ListIndicatorReportsRequest r, StreamObserver<ListIndicatorReportsResponse> out) {
    reply(out, () -> {
      var page = indicators.list(r.getPageSize(), r.getPageToken(), r.getBlock(), r.getThemeGroup(), r.getSource());
      return ListIndicatorReportsResponse.newBuilder().addAllReports(reports.reportsOf(page.indicators()))
          .setNextPageToken(page.nextPageToken()).setTotalSize(page.totalSize()).build();
    });
  }

  @Override
  public void importSimpleView(ImportSimpleViewRequest r, StreamObserver<ImportSimpleViewResponse> out) {
    reply(out, () -> simpleView.importFile(r));
  }
}
