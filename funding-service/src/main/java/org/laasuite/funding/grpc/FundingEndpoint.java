package org.laasuite.funding.grpc;

import static org.laasuite.common.grpc.FieldBehaviors.sameInput;
import static org.laasuite.common.grpc.Unary.reply;

import com.google.protobuf.Empty;
import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.function.Function;
import org.laasuite.common.audit.AuditLog;
import org.laasuite.common.audit.ChangeFeed;
import org.laasuite.common.db.RequestLog;
import org.laasuite.common.security.Authorizer;
import org.laasuite.common.grpc.Pages;
import org.laasuite.common.grpc.Protos;
import org.laasuite.common.grpc.Violations;
import org.laasuite.funding.commitment.CommitmentMapper;
import org.laasuite.funding.commitment.CommitmentService;
import org.laasuite.funding.importer.FundingImporter;
import org.laasuite.funding.lpsa.LpsaRewardMapper;
import org.laasuite.funding.lpsa.LpsaTargetMapper;
import org.laasuite.funding.lpsa.LpsaTargetService;
import org.laasuite.common.LpsaRewardRule;
import org.laasuite.funding.stream.FundingStreamMapper;
import org.laasuite.funding.stream.FundingStreamService;
import org.laasuite.funding.summary.SummaryMapper;
import org.laasuite.funding.summary.SummaryService;
import org.laasuite.funding.v1.*;
import org.laasuite.partnership.v1.Permission;
import org.laasuite.type.v1.ListAuditEventsRequest;
import org.laasuite.type.v1.ListAuditEventsResponse;
import org.laasuite.type.v1.WatchChangesRequest;
import org.laasuite.type.v1.WatchChangesResponse;

/** The gRPC face of the funding service: thin; errors are ApiExceptions the shared interceptor translates. */
@Singleton
public class FundingEndpoint extends FundingServiceGrpc.FundingServiceImplBase {

  private final RequestLog requestLog;
  private final FundingStreamService streams;
  private final CommitmentService commitments;
  private final SummaryService summaries;
  private final FundingImporter importer;
  private final LpsaTargetService lpsaTargets;
  private final Authorizer authorizer;
  private final AuditLog audit;
  private final ChangeFeed changes;

  public FundingEndpoint(FundingStreamService streams, CommitmentService commitments, SummaryService summaries,
      FundingImporter importer, LpsaTargetService lpsaTargets, RequestLog requestLog, Authorizer authorizer,
      AuditLog audit, ChangeFeed changes) {
    this.lpsaTargets = lpsaTargets;
    this.audit = audit;
    this.changes = changes;
    this.requestLog = requestLog;
    this.authorizer = authorizer;
    this.streams = streams;
    this.commitments = commitments;
    this.summaries = summaries;
    this.importer = importer;
  }

  @Override
  public void getFundingStream(GetFundingStreamRequest r, StreamObserver<FundingStream> out) {
    reply(out, () -> FundingStreamMapper.toProto(streams.get(r.getName(), "name")));
  }

  @Override
  public void listFundingStreams(ListFundingStreamsRequest r, StreamObserver<ListFundingStreamsResponse> out) {
    reply(out, () -> {
      Violations v = new Violations();
      var filter = FundingStreamMapper.filter(r, v);
      var page = Pages.page(r.getPageSize(), r.getPageToken(), filter.query(), v);
      v.throwIfAny();
      var slice = streams.list(filter, page);
      return ListFundingStreamsResponse.newBuilder().addAllFundingStreams(slice.map(FundingStreamMapper::toProto))
          .setNextPageToken(slice.nextPageToken()).build();
    });
  }

  @Override
  public void createFundingStream(CreateFundingStreamRequest r, StreamObserver<FundingStream> out) {
    reply(out, () -> {
      authorizer.require(Permission.PERMISSION_MANAGE_FUNDING, "create",
          "fundingStreams/" + r.getFundingStream().getId());
      return requestLog.once(r, () -> {
      var candidate = checked(v -> FundingStreamMapper.fromProto(r.getFundingStream(), "funding_stream.", v));
      return FundingStreamMapper.toProto(streams.create(candidate, sameInput(FundingStreamMapper::toProto, candidate)));
    }, FundingStream.parser());
    });
  }

  @Override
  public void updateFundingStream(UpdateFundingStreamRequest r, StreamObserver<FundingStream> out) {
    reply(out, () -> {
      authorizer.require(Permission.PERMISSION_MANAGE_FUNDING, "change", r.getFundingStream().getName());
      var paths = checked(v -> FundingStreamMapper.updatePaths(r, v));
      return FundingStreamMapper.toProto(streams.update(r.getFundingStream().getName(), r.getFundingStream().getEtag(),
          (existing, v) -> FundingStreamMapper.merge(existing, r.getFundingStream(), paths, "funding_stream.", v)));
    });
  }

  @Override
  public void deleteFundingStream(DeleteFundingStreamRequest r, StreamObserver<Empty> out) {
    reply(out, () -> {
      authorizer.require(Permission.PERMISSION_MANAGE_FUNDING, "delete", r.getName());
      streams.delete(r.getName(), r.getEtag(), commitments);
      return Empty.getDefaultInstance();
    });
  }

  @Override
  public void createAllocation(CreateAllocationRequest r, StreamObserver<Allocation> out) {
    reply(out, () -> {
      authorizer.require(Permission.PERMISSION_MANAGE_FUNDING, "allocate to", r.getParent());
      return requestLog.once(r, () -> {
      var stream = streams.get(r.getParent(), "parent");
      var a = checked(v -> FundingStreamMapper.fromProto(r.getAllocation(), stream, "allocation.", v));
      return FundingStreamMapper.toProto(stream, streams.createAllocation(stream, a));
    }, Allocation.parser());
    });
  }

  @Override
  public void listAllocations(ListAllocationsRequest r, StreamObserver<ListAllocationsResponse> out) {
    reply(out, () -> {
      var stream = streams.get(r.getParent(), "parent");
      var page = Pages.page(r.getPageSize(), r.getPageToken(), "allocations;" + r.getParent());
      var slice = streams.listAllocations(stream, page);
      return ListAllocationsResponse.newBuilder()
          .addAllAllocations(slice.map(a -> FundingStreamMapper.toProto(stream, a)))
          .setNextPageToken(slice.nextPageToken()).build();
    });
  }

  @Override
  public void getCommitment(GetCommitmentRequest r, StreamObserver<Commitment> out) {
    reply(out, () -> CommitmentMapper.toProto(commitments.get(r.getName())));
  }

  @Override
  public void listCommitments(ListCommitmentsRequest r, StreamObserver<ListCommitmentsResponse> out) {
    reply(out, () -> {
      var page = Pages.page(r.getPageSize(), r.getPageToken(), "commitments;" + r.getFundingStream());
      var slice = commitments.list(r.getFundingStream(), page);
      return ListCommitmentsResponse.newBuilder().addAllCommitments(slice.map(CommitmentMapper::toProto))
          .setNextPageToken(slice.nextPageToken()).build();
    });
  }

  @Override
  public void createCommitment(CreateCommitmentRequest r, StreamObserver<Commitment> out) {
    reply(out, () -> {
      authorizer.require(Permission.PERMISSION_MANAGE_FUNDING, "create", "commitments/" + r.getCommitment().getId());
      return requestLog.once(r, () -> CommitmentMapper.toProto(commitments.create(
        checked(v -> CommitmentMapper.fromProto(r.getCommitment(), "commitment.", v)), r.getAllowOverCommitment(),
        asked -> sameInput(CommitmentMapper::toProto, asked))), Commitment.parser());
    });
  }

  @Override
  public void createSpend(CreateSpendRequest r, StreamObserver<Spend> out) {
    reply(out, () -> {
      authorizer.require(Permission.PERMISSION_MANAGE_FUNDING, "record spend of", r.getParent());
      return requestLog.once(r, () -> {
      var commitment = commitments.find(r.getParent(), "parent");
      var s = checked(v -> CommitmentMapper.fromProto(r.getSpend(), "spend.", v));
      return CommitmentMapper.toProto(commitment, commitments.createSpend(commitment, s));
    }, Spend.parser());
    });
  }

  @Override
  public void listSpend(ListSpendRequest r, StreamObserver<ListSpendResponse> out) {
    reply(out, () -> {
      var commitment = commitments.find(r.getParent(), "parent");
      var page = Pages.page(r.getPageSize(), r.getPageToken(), "spend;" + r.getParent());
      var slice = commitments.listSpend(commitment, page);
      return ListSpendResponse.newBuilder().addAllSpend(slice.map(s -> CommitmentMapper.toProto(commitment, s)))
          .setNextPageToken(slice.nextPageToken()).build();
    });
  }

  @Override
  public void getFundingSummary(GetFundingSummaryRequest r, StreamObserver<FundingSummary> out) {
    reply(out, () -> SummaryMapper.toProto(summaries.summary(r.getFinancialYear())));
  }

  @Override
  public void batchGetIndicatorFunding(BatchGetIndicatorFundingRequest r,
      StreamObserver<BatchGetIndicatorFundingResponse> out) {
    reply(out, () -> BatchGetIndicatorFundingResponse.newBuilder()
        .addAllIndicators(summaries.forIndicators(r.getIndicatorsList(), r.getFinancialYear()).stream()
            .map(SummaryMapper::toProto).toList()).build());
  }

  @Override
  public void getSpendReport(GetSpendReportRequest r, StreamObserver<SpendReport> out) {
    reply(out, () -> SummaryMapper.toProto(summaries.spendReport(r.getFinancialYear(), r.getFundingStream())));
  }

  @Override
  public void listSuccessionRisks(ListSuccessionRisksRequest r, StreamObserver<ListSuccessionRisksResponse> out) {
    reply(out, () -> {
      Violations v = new Violations();
      LocalDate before = Protos.requiredDate(r.getEndsBefore(), "ends_before", v);
      var page = Pages.page(r.getPageSize(), r.getPageToken(), "succession;" + before, v);
      v.throwIfAny();
      var slice = commitments.endingBefore(before, page);
      return ListSuccessionRisksResponse.newBuilder().addAllCommitments(slice.map(CommitmentMapper::toProto))
          .setNextPageToken(slice.nextPageToken()).build();
    });
  }

  @Override
  public void calculateLpsaReward(CalculateLpsaRewardRequest r, StreamObserver<LpsaReward> out) {
    reply(out, () -> LpsaRewardMapper.toProto(LpsaRewardRule.calculate(
        checked(v -> LpsaRewardMapper.fromProto(r, v)))));
  }

  @Override
  public void createLpsaTarget(CreateLpsaTargetRequest r, StreamObserver<LpsaTarget> out) {
    reply(out, () -> {
      authorizer.require(Permission.PERMISSION_MANAGE_FUNDING, "create", "lpsaTargets/" + r.getLpsaTarget().getId());
      return requestLog.once(r, () -> {
        var candidate = checked(v -> LpsaTargetMapper.fromProto(r.getLpsaTarget(), "lpsa_target.", v));
        return LpsaTargetMapper.toProto(lpsaTargets.create(candidate,
            sameInput(LpsaTargetMapper::toProto, candidate)));
      }, LpsaTarget.parser());
    });
  }

  @Override
  public void listLpsaTargets(ListLpsaTargetsRequest r, StreamObserver<ListLpsaTargetsResponse> out) {
    reply(out, () -> {
      Violations v = new Violations();
      var page = Pages.page(r.getPageSize(), r.getPageToken(), "lpsaTargets", v);
      v.throwIfAny();
      var slice = lpsaTargets.list(page);
      return ListLpsaTargetsResponse.newBuilder().addAllLpsaTargets(slice.map(LpsaTargetMapper::toProto))
          .setNextPageToken(slice.nextPageToken()).build();
    });
  }

  /** What {@code read} makes of a request, once it found nothing wrong; else INVALID_ARGUMENT naming it all. */
  private static <T> T checked(Function<Violations, T> read) {
    Violations v = new Violations();
    T t = read.apply(v);
    v.throwIfAny();
    return t;
  }

  @Override
  public void importFunding(ImportFundingRequest r, StreamObserver<ImportFundingResponse> out) {
    reply(out, () -> {
      authorizer.require(Permission.PERMISSION_MANAGE_FUNDING, "import", "funding streams and commitments");
      return requestLog.once(r, () -> importer.importFiles(r),
        ImportFundingResponse.parser());
    });
  }

  @Override
  public void listAuditEvents(ListAuditEventsRequest r, StreamObserver<ListAuditEventsResponse> out) {
    reply(out, () -> {
      authorizer.require(Permission.PERMISSION_MANAGE_FUNDING, "read", "the funding service's audit trail");
      return audit.list(r);
    });
  }

  @Override
  public void watchChanges(WatchChangesRequest r, StreamObserver<WatchChangesResponse> out) {
    changes.watch(out, authorizer, Permission.PERMISSION_MANAGE_FUNDING);
  }
}
