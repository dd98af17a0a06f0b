package org.laasuite.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.FieldMask;
import com.google.protobuf.Message;
import io.grpc.CallCredentials;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.ClientCalls;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.laasuite.funding.v1.Allocation;
import org.laasuite.funding.v1.Commitment;
import org.laasuite.funding.v1.CreateAllocationRequest;
import org.laasuite.funding.v1.CreateCommitmentRequest;
import org.laasuite.funding.v1.CreateFundingStreamRequest;
import org.laasuite.funding.v1.CreateLpsaTargetRequest;
import org.laasuite.funding.v1.CreateSpendRequest;
import org.laasuite.funding.v1.DeleteFundingStreamRequest;
import org.laasuite.funding.v1.FundingServiceGrpc;
import org.laasuite.funding.v1.FundingStream;
import org.laasuite.funding.v1.ImportFundingRequest;
import org.laasuite.funding.v1.LpsaTarget;
import org.laasuite.funding.v1.Spend;
import org.laasuite.funding.v1.UpdateFundingStreamRequest;
import org.laasuite.indicators.v1.ApproveEntriesRequest;
import org.laasuite.indicators.v1.AttachEditionDocumentRequest;
import org.laasuite.indicators.v1.EditionDocument;
import org.laasuite.indicators.v1.EntrySelection;
import org.laasuite.indicators.v1.PublishEntriesRequest;
import org.laasuite.indicators.v1.ReturnEntryRequest;
import org.laasuite.indicators.v1.SaveEntryRequest;
import org.laasuite.indicators.v1.SubmitEntryRequest;
import org.laasuite.indicators.v1.Area;
import org.laasuite.indicators.v1.BatchCreateNarrativesRequest;
import org.laasuite.indicators.v1.Baseline;
import org.laasuite.indicators.v1.CreateAreaRequest;
import org.laasuite.indicators.v1.CreateBaselineRequest;
import org.laasuite.indicators.v1.CreateIndicatorRequest;
import org.laasuite.indicators.v1.CreateNarrativeRequest;
import org.laasuite.indicators.v1.CreateOutturnRequest;
import org.laasuite.indicators.v1.CreatePeriodRequest;
import org.laasuite.indicators.v1.CreateRecordedJudgementRequest;
import org.laasuite.indicators.v1.CreateTargetRequest;
import org.laasuite.indicators.v1.DeleteIndicatorRequest;
import org.laasuite.indicators.v1.ImportOptions;
import org.laasuite.indicators.v1.ImportOutturnsRequest;
import org.laasuite.indicators.v1.ImportOutturnsResponse;
import org.laasuite.indicators.v1.ImportSimpleViewRequest;
import org.laasuite.indicators.v1.StreamImportSimpleViewRequest;
import org.laasuite.indicators.v1.Indicator;
import org.laasuite.indicators.v1.IndicatorServiceGrpc;
import org.laasuite.indicators.v1.Narrative;
import org.laasuite.indicators.v1.Outturn;
import org.laasuite.indicators.v1.OutturnRow;
import org.laasuite.indicators.v1.Period;
import org.laasuite.indicators.v1.RecordedJudgement;
import org.laasuite.indicators.v1.Target;
import org.laasuite.indicators.v1.UndeleteIndicatorRequest;
import org.laasuite.indicators.v1.UpdateIndicatorRequest;
import org.laasuite.partnership.v1.ActionStatus;
import org.laasuite.partnership.v1.ApproveMinutesRequest;
import org.laasuite.partnership.v1.Body;
import org.laasuite.partnership.v1.CallerRights;
import org.laasuite.partnership.v1.CreateBodyRequest;
import org.laasuite.partnership.v1.CreateImprovementItemRequest;
import org.laasuite.partnership.v1.CreateMeetingRequest;
import org.laasuite.partnership.v1.CreateRiskRequest;
import org.laasuite.partnership.v1.CreateMembershipRequest;
import org.laasuite.partnership.v1.CreateOrganisationRequest;
import org.laasuite.partnership.v1.CreatePersonRequest;
import org.laasuite.partnership.v1.CreateSignInLinkRequest;
import org.laasuite.partnership.v1.DeleteSignInLinkRequest;
import org.laasuite.partnership.v1.GetCallerRightsRequest;
import org.laasuite.partnership.v1.ImprovementItem;
import org.laasuite.partnership.v1.ImportPartnershipRequest;
import org.laasuite.partnership.v1.ListActionsRequest;
import org.laasuite.partnership.v1.ListSignInLinksRequest;
import org.laasuite.partnership.v1.Meeting;
import org.laasuite.partnership.v1.Membership;
import org.laasuite.partnership.v1.Organisation;
import org.laasuite.partnership.v1.PartnershipServiceGrpc;
import org.laasuite.partnership.v1.Person;
import org.laasuite.partnership.v1.Risk;
import org.laasuite.partnership.v1.SignInLink;
import org.laasuite.partnership.v1.UpdateActionStatusRequest;
import org.laasuite.partnership.v1.UpdateImprovementItemRequest;
import org.laasuite.partnership.v1.UpdateMeetingRequest;
import org.laasuite.partnership.v1.UpdatePersonRequest;
import org.laasuite.partnership.v1.UpdateRiskRequest;
import org.laasuite.testkit.ClientStreams;
import org.laasuite.testkit.GrpcErrors;
import org.laasuite.testkit.TestIssuer;

/**
 * Who may write what, across the real services with the Coventry demo data: every write method of every service
 * (and ListSignInLinks, the one read kept to admins) called as each role, on an indicator of the caller's theme
 * group and on another group's where the method takes one, every answer asserted against the README's rights table
 * and the whole matrix printed.
 *
 * <p>Every request is refused after the permission check (invalid on purpose, naming nothing, with a stale etag, or
 * an import that only validates a file with problems), so an allowed caller gets past the check and changes nothing
 * the other gateway tests read: "ok" is that answer, "denied" PERMISSION_DENIED, "unauth" UNAUTHENTICATED.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RightsMatrixTest {

  /** Reported by the Community Safety Partnership: Sara Roach's and Mark Taylor's theme group's own. */
  private static final String OWN = "indicators/SSC-CSP-1";
  /** Reported by the Children and Young People's Partnership: another group's. */
  private static final String OTHER = "indicators/CYP-28";
  /** An entry of a period that does not exist, of either indicator. */
  private static final String NO_ENTRY = "/entries/rights-matrix-none";
  private static final String STALE_ETAG = "\"0-0\"";
  private static final String NO_STREAM = "fundingStreams/rights-matrix-none";
  private static final FieldMask NO_SUCH_FIELD = FieldMask.newBuilder().addPaths("no_such_field").build();
  /**
   * What only reads (Watch: is told of writes, makes none; Export: writes a file of what the caller may read);
   * every other method writes, and must be in the matrix.
   */
  private static final Pattern READ = Pattern.compile(
      "(Get|List|BatchGet|Search|Check|Calculate|Watch|Export)[A-Z].*");

  private static final String ADMIN = "admin";
  private static final String SARA = "sara-roach";
  private static final String MARK = "mark-taylor";
  private static final String HELEN = "helen-shankster";
  private static final String PHIL = "phil-helm";
  private static final String UNLINKED = "unlinked";
  private static final String NO_TOKEN = "no token";

  /** A column: who calls, with what credentials (none: no token at all). */
  private record Role(String label, String who, CallCredentials credentials) {
  }

  /** Who gets past the check on {@link #OWN} and on {@link #OTHER}: the README's rights table, as the test expects. */
  private record Who(Set<String> own, Set<String> other) {
    static Who anywhere(String... roles) {
      return new Who(Set.of(roles), Set.of(roles));
    }

    Set<String> on(String indicator) {
      return OTHER.equals(indicator) ? other : own;
    }
  }

  private static final Who MANAGE_INDICATORS = Who.anywhere(ADMIN, HELEN);
  private static final Who MANAGE_MEETINGS = Who.anywhere(ADMIN, HELEN);
  private static final Who MANAGE_FUNDING = Who.anywhere(ADMIN, PHIL);
  private static final Who MANAGE_PARTNERSHIP = Who.anywhere(ADMIN);
  /** An action's holder, and those who manage meetings: for Helen Shankster's action, both her. */
  private static final Who UPDATE_HELENS_ACTION = Who.anywhere(ADMIN, HELEN);
  private static final Who ENTER_FIGURES = new Who(Set.of(ADMIN, SARA, MARK), Set.of(ADMIN));
  private static final Who RECORD_JUDGEMENTS = new Who(Set.of(ADMIN, MARK), Set.of(ADMIN));
  private static final Who APPROVE_FIGURES = new Who(Set.of(ADMIN, MARK), Set.of(ADMIN));
  /** Returning figures: who may approve them, and those who publish them. */
  private static final Who RETURN_FIGURES = new Who(Set.of(ADMIN, MARK, HELEN), Set.of(ADMIN, HELEN));
  private static final Who PUBLISH_FIGURES = Who.anywhere(ADMIN, HELEN);

  /** How a row calls its method: on {@code indicator} ({@link #OWN} or {@link #OTHER}), or null where it takes none. */
  @FunctionalInterface
  private interface Call {
    Object on(Channel channel, CallOptions options, String indicator) throws Exception;
  }

  /** A row: the method, whether it takes an indicator, who may call it, and what an allowed call answers. */
  private record Row(MethodDescriptor<?, ?> method, boolean onIndicators, Who who, Status.Code allowed, Call call) {
  }

  /** One cell's answer: its code, and the error's message and ErrorInfo reason (or what an OK answer wrote). */
  private record Answer(Status.Code code, String message, String reason) {
  }

  private List<Role> roles;
  private Map<String, ManagedChannel> channels;

  @BeforeAll
  void channels() {
    var suite = RunningSuite.get();
    channels = Map.of(IndicatorServiceGrpc.SERVICE_NAME, suite.indicators.channel(),
        FundingServiceGrpc.SERVICE_NAME, suite.funding.channel(),
        PartnershipServiceGrpc.SERVICE_NAME, suite.partnership.channel());
    roles = List.of(
        new Role(ADMIN, "the partnership admin (" + TestIssuer.NAME + ":" + TestIssuer.ADMIN + ")", TestIssuer.admin()),
        person(SARA, "advisor of the Community Safety Partnership"),
        person(MARK, "chair of the Community Safety Partnership"),
        person(HELEN, "member of the secretariat"),
        person(PHIL, "Finance Manager at the accountable body"),
        new Role(UNLINKED, "a valid token of the trusted issuer, linked to no person", TestIssuer.as("rights-matrix")),
        new Role(NO_TOKEN, "a call without a token", null));
  }

  /** A demo person, signed in as bin/laa links them: the tests' issuer's subject "people/{id}". */
  private static Role person(String id, String who) {
    return new Role(id, "people/" + id + ", " + who, TestIssuer.as("people/" + id));
  }

  @AfterAll
  void close() {
    channels.values().forEach(ManagedChannel::shutdownNow);
  }

  /** The name of an action Helen Shankster holds in the demo minutes, read as the admin. */
  private static String helensAction(Channel channel) {
    return PartnershipServiceGrpc.newBlockingStub(channel).withCallCredentials(TestIssuer.admin())
        .listActions(ListActionsRequest.newBuilder().setOwner("people/helen-shankster").build()).getActions(0)
        .getName();
  }

  private static <Q> Row unary(MethodDescriptor<Q, ?> method, Who who, Status.Code allowed, Q request) {
    return new Row(method, false, who, allowed, (channel, options, none) ->
        ClientCalls.blockingUnaryCall(channel, method, options, request));
  }

  /**
   * A server-streaming method, its answers read to the end (the refusal comes as the stream's error): the last one,
   * which holds the result.
   */
  private static <Q> Row serverStreaming(MethodDescriptor<Q, ?> method, Who who, Status.Code allowed, Q request) {
    return new Row(method, false, who, allowed, (channel, options, none) -> {
      List<Object> answers = new ArrayList<>();
      ClientCalls.blockingServerStreamingCall(channel, method, options, request).forEachRemaining(answers::add);
      return answers.getLast();
    });
  }

  private static <Q> Row onIndicator(MethodDescriptor<Q, ?> method, Who who, Status.Code allowed,
      Function<String, Q> request) {
    return new Row(method, true, who, allowed, (channel, options, indicator) ->
        ClientCalls.blockingUnaryCall(channel, method, options, request.apply(indicator)));
  }

  private static ByteString text(String s) {
    return ByteString.copyFromUtf8(s);
  }

  /** An empty narrative of {@code indicator}: refused, naming its missing fields, by whoever may write it. */
  private static CreateNarrativeRequest narrative(String indicator) {
    return CreateNarrativeRequest.newBuilder().setParent(indicator).setNarrative(Narrative.getDefaultInstance())
        .build();
  }

  /** An empty comparator figure of {@code indicator}: refused, naming its missing fields, by whoever may write it. */
  private static org.laasuite.indicators.v1.CreateComparatorFigureRequest comparatorFigure(String indicator) {
    return org.laasuite.indicators.v1.CreateComparatorFigureRequest.newBuilder().setParent(indicator)
        .setComparatorFigure(org.laasuite.indicators.v1.ComparatorFigure.getDefaultInstance()).build();
  }

  /** An import of one figure of {@code indicator} for a period that does not exist, only validated. */
  private static Object importOutturn(Channel channel, CallOptions options, String indicator) throws Exception {
    var method = IndicatorServiceGrpc.getImportOutturnsMethod();
    return ClientStreams.<ImportOutturnsRequest, ImportOutturnsResponse>send(
        out -> ClientCalls.asyncClientStreamingCall(channel.newCall(method, options), out), List.of(
            ImportOutturnsRequest.newBuilder().setOptions(ImportOptions.newBuilder().setValidateOnly(true)).build(),
            ImportOutturnsRequest.newBuilder().setRow(OutturnRow.newBuilder().setIndicator(indicator)
                .setPeriod("periods/rights-matrix-none").setValue("1")).build()).iterator());
  }

  private static List<Row> rows() {
    return List.of(
        unary(IndicatorServiceGrpc.getCreateIndicatorMethod(), MANAGE_INDICATORS, Status.Code.INVALID_ARGUMENT,
            CreateIndicatorRequest.newBuilder().setIndicator(Indicator.newBuilder().setId("RIGHTS-MATRIX")).build()),
        onIndicator(IndicatorServiceGrpc.getUpdateIndicatorMethod(), MANAGE_INDICATORS, Status.Code.INVALID_ARGUMENT,
            n -> UpdateIndicatorRequest.newBuilder().setIndicator(Indicator.newBuilder().setName(n))
                .setUpdateMask(NO_SUCH_FIELD).build()),
        onIndicator(IndicatorServiceGrpc.getDeleteIndicatorMethod(), MANAGE_INDICATORS, Status.Code.ABORTED,
            // With force (archive), which asks the other services nothing: their restarts by other tests cannot
            // make it UNAVAILABLE; the stale etag stops it before it archives anything.
            n -> DeleteIndicatorRequest.newBuilder().setName(n).setEtag(STALE_ETAG).setForce(true).build()),
        onIndicator(IndicatorServiceGrpc.getUndeleteIndicatorMethod(), MANAGE_INDICATORS, Status.Code.ABORTED,
            n -> UndeleteIndicatorRequest.newBuilder().setName(n).setEtag(STALE_ETAG).build()),
        unary(IndicatorServiceGrpc.getCreateAreaMethod(), MANAGE_INDICATORS, Status.Code.INVALID_ARGUMENT,
            CreateAreaRequest.newBuilder().setArea(Area.newBuilder().setId("rights-matrix")).build()),
        unary(IndicatorServiceGrpc.getCreatePeriodMethod(), MANAGE_INDICATORS, Status.Code.INVALID_ARGUMENT,
            CreatePeriodRequest.newBuilder().setPeriod(Period.newBuilder().setId("rights-matrix")).build()),
        unary(IndicatorServiceGrpc.getCreateComparatorGroupMethod(), MANAGE_INDICATORS, Status.Code.INVALID_ARGUMENT,
            org.laasuite.indicators.v1.CreateComparatorGroupRequest.newBuilder().setComparatorGroup(
                org.laasuite.indicators.v1.ComparatorGroup.newBuilder().setId("rights-matrix")).build()),
        onIndicator(IndicatorServiceGrpc.getCreateComparatorFigureMethod(), MANAGE_INDICATORS,
            Status.Code.INVALID_ARGUMENT, n -> comparatorFigure(n)),
        unary(IndicatorServiceGrpc.getImportComparatorsMethod(), MANAGE_INDICATORS, Status.Code.INVALID_ARGUMENT,
            org.laasuite.indicators.v1.ImportComparatorsRequest.newBuilder().addFigures(comparatorFigure(OWN))
                .build()),
        onIndicator(IndicatorServiceGrpc.getCreateBaselineMethod(), MANAGE_INDICATORS, Status.Code.INVALID_ARGUMENT,
            n -> CreateBaselineRequest.newBuilder().setParent(n).setBaseline(Baseline.getDefaultInstance()).build()),
        onIndicator(IndicatorServiceGrpc.getCreateTargetMethod(), MANAGE_INDICATORS, Status.Code.INVALID_ARGUMENT,
            n -> CreateTargetRequest.newBuilder().setParent(n).setTarget(Target.getDefaultInstance()).build()),
        onIndicator(IndicatorServiceGrpc.getCreateOutturnMethod(), ENTER_FIGURES, Status.Code.INVALID_ARGUMENT,
            n -> CreateOutturnRequest.newBuilder().setParent(n).setOutturn(Outturn.getDefaultInstance()).build()),
        new Row(IndicatorServiceGrpc.getImportOutturnsMethod(), true, ENTER_FIGURES, Status.Code.OK,
            RightsMatrixTest::importOutturn),
        onIndicator(IndicatorServiceGrpc.getCreateNarrativeMethod(), ENTER_FIGURES, Status.Code.INVALID_ARGUMENT,
            RightsMatrixTest::narrative),
        onIndicator(IndicatorServiceGrpc.getBatchCreateNarrativesMethod(), ENTER_FIGURES, Status.Code.INVALID_ARGUMENT,
            n -> BatchCreateNarrativesRequest.newBuilder().addRequests(narrative(n)).build()),
        onIndicator(IndicatorServiceGrpc.getCreateRecordedJudgementMethod(), RECORD_JUDGEMENTS,
            Status.Code.INVALID_ARGUMENT, n -> CreateRecordedJudgementRequest.newBuilder().setParent(n)
                .setJudgement(RecordedJudgement.getDefaultInstance()).build()),
        // Entries of a period that does not exist: NOT_FOUND for those allowed, asked once their rights were checked.
        onIndicator(IndicatorServiceGrpc.getSaveEntryMethod(), ENTER_FIGURES, Status.Code.NOT_FOUND,
            n -> SaveEntryRequest.newBuilder().setName(n + NO_ENTRY).build()),
        onIndicator(IndicatorServiceGrpc.getSubmitEntryMethod(), ENTER_FIGURES, Status.Code.NOT_FOUND,
            n -> SubmitEntryRequest.newBuilder().setName(n + NO_ENTRY).build()),
        onIndicator(IndicatorServiceGrpc.getApproveEntriesMethod(), APPROVE_FIGURES, Status.Code.NOT_FOUND,
            n -> ApproveEntriesRequest.newBuilder().setSelection(EntrySelection.newBuilder().addNames(n + NO_ENTRY))
                .build()),
        onIndicator(IndicatorServiceGrpc.getReturnEntryMethod(), RETURN_FIGURES, Status.Code.NOT_FOUND,
            n -> ReturnEntryRequest.newBuilder().setName(n + NO_ENTRY).setReason("Check the source").build()),
        onIndicator(IndicatorServiceGrpc.getPublishEntriesMethod(), PUBLISH_FIGURES, Status.Code.NOT_FOUND,
            n -> PublishEntriesRequest.newBuilder().setSelection(EntrySelection.newBuilder().addNames(n + NO_ENTRY))
                .build()),
        unary(IndicatorServiceGrpc.getAttachEditionDocumentMethod(), PUBLISH_FIGURES, Status.Code.NOT_FOUND,
            AttachEditionDocumentRequest.newBuilder().setEdition("editions/rights-matrix-none").setDocument(
                EditionDocument.newBuilder().setId("review-pack").setMediaType("text/plain")
                    .setContent(text("the pack"))).build()),
        unary(IndicatorServiceGrpc.getImportSimpleViewMethod(), MANAGE_INDICATORS, Status.Code.OK,
            ImportSimpleViewRequest.newBuilder().setContent(text("not a Simple View\n")).setValidateOnly(true).build()),
        serverStreaming(IndicatorServiceGrpc.getStreamImportSimpleViewMethod(), MANAGE_INDICATORS, Status.Code.OK,
            StreamImportSimpleViewRequest.newBuilder().setRequest(ImportSimpleViewRequest.newBuilder()
                .setContent(text("not a Simple View\n")).setValidateOnly(true)).build()),

        unary(FundingServiceGrpc.getCreateFundingStreamMethod(), MANAGE_FUNDING, Status.Code.INVALID_ARGUMENT,
            CreateFundingStreamRequest.newBuilder().setFundingStream(FundingStream.newBuilder().setId("rights-matrix"))
                .build()),
        unary(FundingServiceGrpc.getUpdateFundingStreamMethod(), MANAGE_FUNDING, Status.Code.INVALID_ARGUMENT,
            UpdateFundingStreamRequest.newBuilder().setFundingStream(FundingStream.newBuilder().setName(NO_STREAM))
                .setUpdateMask(NO_SUCH_FIELD).build()),
        unary(FundingServiceGrpc.getDeleteFundingStreamMethod(), MANAGE_FUNDING, Status.Code.NOT_FOUND,
            DeleteFundingStreamRequest.newBuilder().setName(NO_STREAM).build()),
        unary(FundingServiceGrpc.getCreateAllocationMethod(), MANAGE_FUNDING, Status.Code.NOT_FOUND,
            CreateAllocationRequest.newBuilder().setParent(NO_STREAM).setAllocation(Allocation.getDefaultInstance())
                .build()),
        unary(FundingServiceGrpc.getCreateCommitmentMethod(), MANAGE_FUNDING, Status.Code.INVALID_ARGUMENT,
            CreateCommitmentRequest.newBuilder().setCommitment(Commitment.newBuilder().setId("rights-matrix")).build()),
        unary(FundingServiceGrpc.getCreateSpendMethod(), MANAGE_FUNDING, Status.Code.NOT_FOUND,
            CreateSpendRequest.newBuilder().setParent("commitments/rights-matrix-none")
                .setSpend(Spend.getDefaultInstance()).build()),
        unary(FundingServiceGrpc.getCreateLpsaTargetMethod(), MANAGE_FUNDING, Status.Code.INVALID_ARGUMENT,
            CreateLpsaTargetRequest.newBuilder().setLpsaTarget(LpsaTarget.newBuilder().setId("rights-matrix")).build()),
        unary(FundingServiceGrpc.getImportFundingMethod(), MANAGE_FUNDING, Status.Code.OK,
            ImportFundingRequest.newBuilder().setStreamsCsv(text("not,the,columns\n")).setFinancialYear("2007-08")
                .setValidateOnly(true).build()),

        unary(PartnershipServiceGrpc.getCreateOrganisationMethod(), MANAGE_PARTNERSHIP, Status.Code.INVALID_ARGUMENT,
            CreateOrganisationRequest.newBuilder().setOrganisation(Organisation.newBuilder().setId("rights-matrix"))
                .build()),
        unary(PartnershipServiceGrpc.getCreatePersonMethod(), MANAGE_PARTNERSHIP, Status.Code.INVALID_ARGUMENT,
            CreatePersonRequest.newBuilder().setPerson(Person.newBuilder().setId("rights-matrix")).build()),
        unary(PartnershipServiceGrpc.getUpdatePersonMethod(), MANAGE_PARTNERSHIP, Status.Code.INVALID_ARGUMENT,
            UpdatePersonRequest.newBuilder().setPerson(Person.newBuilder().setName("people/" + SARA))
                .setUpdateMask(NO_SUCH_FIELD).build()),
        unary(PartnershipServiceGrpc.getCreateBodyMethod(), MANAGE_PARTNERSHIP, Status.Code.INVALID_ARGUMENT,
            CreateBodyRequest.newBuilder().setBody(Body.newBuilder().setId("rights-matrix")).build()),
        unary(PartnershipServiceGrpc.getCreateMembershipMethod(), MANAGE_PARTNERSHIP, Status.Code.INVALID_ARGUMENT,
            CreateMembershipRequest.newBuilder().setParent("bodies/community-safety-partnership")
                .setMembership(Membership.getDefaultInstance()).build()),
        unary(PartnershipServiceGrpc.getCreateMeetingMethod(), MANAGE_MEETINGS, Status.Code.INVALID_ARGUMENT,
            CreateMeetingRequest.newBuilder().setMeeting(Meeting.newBuilder().setId("rights-matrix")).build()),
        unary(PartnershipServiceGrpc.getUpdateMeetingMethod(), MANAGE_MEETINGS, Status.Code.INVALID_ARGUMENT,
            UpdateMeetingRequest.newBuilder().setMeeting(Meeting.newBuilder().setName("meetings/rights-matrix-none"))
                .setUpdateMask(NO_SUCH_FIELD).build()),
        unary(PartnershipServiceGrpc.getApproveMinutesMethod(), MANAGE_MEETINGS, Status.Code.NOT_FOUND,
            ApproveMinutesRequest.newBuilder().setName("meetings/rights-matrix-none")
                .setApprovingMeeting("meetings/rights-matrix-none-2").build()),
        // Helen Shankster's own action (the demo minutes'), with a stale etag: its holder and those who manage
        // meetings get past the check.
        new Row(PartnershipServiceGrpc.getUpdateActionStatusMethod(), false, UPDATE_HELENS_ACTION,
            Status.Code.ABORTED, (channel, options, none) -> ClientCalls.blockingUnaryCall(channel,
                PartnershipServiceGrpc.getUpdateActionStatusMethod(), options, UpdateActionStatusRequest.newBuilder()
                    .setName(helensAction(channel)).setEtag(STALE_ETAG).setStatus(ActionStatus.ACTION_STATUS_DONE)
                    .build())),
        unary(PartnershipServiceGrpc.getCreateImprovementItemMethod(), MANAGE_MEETINGS, Status.Code.NOT_FOUND,
            CreateImprovementItemRequest.newBuilder().setParent("improvementPlans/rights-matrix-none").setAreaRef("A")
                .setItem(ImprovementItem.newBuilder().setRef("A1").setImprovement("rights matrix")).build()),
        unary(PartnershipServiceGrpc.getUpdateImprovementItemMethod(), MANAGE_MEETINGS, Status.Code.INVALID_ARGUMENT,
            UpdateImprovementItemRequest.newBuilder().setItem(ImprovementItem.newBuilder()
                .setName("improvementPlans/rights-matrix-none/items/1")).setUpdateMask(NO_SUCH_FIELD).build()),
        unary(PartnershipServiceGrpc.getCreateRiskMethod(), MANAGE_MEETINGS, Status.Code.INVALID_ARGUMENT,
            CreateRiskRequest.newBuilder().setRisk(Risk.newBuilder().setId("rights-matrix")).build()),
        unary(PartnershipServiceGrpc.getUpdateRiskMethod(), MANAGE_MEETINGS, Status.Code.INVALID_ARGUMENT,
            UpdateRiskRequest.newBuilder().setRisk(Risk.newBuilder().setName("risks/rights-matrix-none"))
                .setUpdateMask(NO_SUCH_FIELD).build()),
        unary(PartnershipServiceGrpc.getImportPartnershipMethod(), MANAGE_PARTNERSHIP, Status.Code.OK,
            ImportPartnershipRequest.newBuilder().setContent(text("not: [valid YAML\n")).setValidateOnly(true).build()),
        unary(PartnershipServiceGrpc.getCreateSignInLinkMethod(), MANAGE_PARTNERSHIP, Status.Code.INVALID_ARGUMENT,
            CreateSignInLinkRequest.newBuilder().setParent("people/sara-roach")
                .setSignInLink(SignInLink.getDefaultInstance()).build()),
        unary(PartnershipServiceGrpc.getListSignInLinksMethod(), MANAGE_PARTNERSHIP, Status.Code.OK,
            ListSignInLinksRequest.newBuilder().setParent("people/sara-roach").build()),
        unary(PartnershipServiceGrpc.getDeleteSignInLinkMethod(), MANAGE_PARTNERSHIP, Status.Code.NOT_FOUND,
            DeleteSignInLinkRequest.newBuilder().setName("people/sara-roach/signInLinks/999999999").build()));
  }

  @Test
  void everyMethodThatWritesIsInTheMatrix() {
    Set<String> inMatrix = rows().stream().map(r -> r.method().getFullMethodName()).collect(Collectors.toSet());
    List<String> writes = Stream.of(IndicatorServiceGrpc.getServiceDescriptor(),
            FundingServiceGrpc.getServiceDescriptor(), PartnershipServiceGrpc.getServiceDescriptor())
        .map(ServiceDescriptor::getMethods).flatMap(m -> m.stream())
        .filter(m -> !READ.matcher(m.getBareMethodName()).matches()).map(MethodDescriptor::getFullMethodName).toList();
    assertEquals(List.of(), writes.stream().filter(m -> !inMatrix.contains(m)).toList(),
        "methods that write and that the matrix does not call");
    assertEquals(rows().size(), inMatrix.size(), "each method once in the matrix");
  }

  @Test
  void everyWriteAnswersAsTheRightsSay() {
    List<String> wrong = new ArrayList<>();
    List<List<String>> table = new ArrayList<>();
    List<String> header = new ArrayList<>(List.of("method"));
    roles.forEach(r -> header.add(r.label()));
    header.add("ok is");
    table.add(header);
    for (Row row : rows()) {
      String service = row.method().getServiceName();
      List<String> line = new ArrayList<>(List.of(service.substring(service.lastIndexOf('.') + 1) + "/"
          + row.method().getBareMethodName()));
      for (Role role : roles) {
        List<String> cell = new ArrayList<>();
        for (String indicator : row.onIndicators() ? List.of(OWN, OTHER) : Collections.<String>singletonList(null)) {
          Status.Code expected = role.credentials() == null ? Status.Code.UNAUTHENTICATED
              : row.who().on(indicator).contains(role.label()) ? row.allowed() : Status.Code.PERMISSION_DENIED;
          Answer answer = call(row, indicator, role);
          String problem = problem(row, indicator, expected, answer);
          cell.add(word(row, answer.code()) + (problem == null ? "" : "!"));
          if (problem != null) {
            wrong.add(row.method().getBareMethodName() + (indicator == null ? "" : " on " + indicator) + " as "
                + role.label() + ": expected " + word(row, expected) + " (" + expected + "), " + problem);
          }
        }
        line.add(String.join("/", cell));
      }
      line.add(row.allowed().toString());
      table.add(line);
    }
    System.out.println(print(table));
    assertTrue(wrong.isEmpty(), () -> wrong.size() + " cells answered otherwise than the rights say:\n  "
        + String.join("\n  ", wrong));
  }

  private Answer call(Row row, String indicator, Role role) {
    CallOptions options = CallOptions.DEFAULT.withDeadlineAfter(30, TimeUnit.SECONDS);
    if (role.credentials() != null) {
      options = options.withCallCredentials(role.credentials());
    }
    try {
      Object response = row.call().on(channels.get(row.method().getServiceName()), options, indicator);
      return new Answer(Status.Code.OK, wrote(response) ? "but it wrote (written = true)" : "", "");
    } catch (StatusRuntimeException e) {
      var status = StatusProto.fromThrowable(e);
      String reason = status == null ? "" : GrpcErrors.errorInfo(status).getReason();
      return new Answer(e.getStatus().getCode(), String.valueOf(e.getStatus().getDescription()), reason);
    } catch (Exception e) {
      throw new AssertionError(row.method().getFullMethodName() + " as " + role.label() + " failed: " + e, e);
    }
  }

  /** Whether an import answered that it wrote (or a streamed one's result did): none of the matrix's may. */
  private static boolean wrote(Object response) {
    Message m = (Message) response;
    FieldDescriptor written = m.getDescriptorForType().findFieldByName("written");
    FieldDescriptor result = m.getDescriptorForType().findFieldByName("result");
    return written != null && (Boolean) m.getField(written)
        || result != null && m.hasField(result) && wrote(m.getField(result));
  }

  /** What is wrong with {@code answer} when {@code expected} was due; null when nothing is. */
  private static String problem(Row row, String indicator, Status.Code expected, Answer answer) {
    String said = "answered " + answer.code() + (answer.message().isEmpty() ? "" : ": " + answer.message());
    if (answer.code() != expected) {
      return said;
    }
    return switch (expected) {
      case OK -> answer.message().isEmpty() ? null : said;
      case PERMISSION_DENIED -> answer.reason().equals("PERMISSION_DENIED") && answer.message().contains(" may not ")
          && answer.message().contains(": that needs the right to ")
          && (indicator == null || answer.message().contains(indicator)) ? null
          : said + " (not naming the permission missing and the object)";
      case UNAUTHENTICATED -> answer.reason().equals("TOKEN_MISSING") ? null
          : said + " (reason " + answer.reason() + ")";
      default -> null;
    };
  }

  private static String word(Row row, Status.Code code) {
    if (code == row.allowed()) {
      return "ok";
    }
    return switch (code) {
      case PERMISSION_DENIED -> "denied";
      case UNAUTHENTICATED -> "unauth";
      default -> code.toString();
    };
  }

  /** The table with its columns aligned (a blank line between services), what its cells mean, and who the roles are. */
  private String print(List<List<String>> table) {
    int[] widths = new int[table.getFirst().size()];
    table.forEach(line -> {
      for (int c = 0; c < line.size(); c++) {
        widths[c] = Math.max(widths[c], line.get(c).length());
      }
    });
    var out = new StringBuilder("Rights matrix: each write method of each service called as each role; where it takes "
        + "an indicator, own/other: on " + OWN + " (reported by the Community Safety Partnership: sara-roach's and "
        + "mark-taylor's theme group) / on " + OTHER + " (reported by the Children and Young People's Partnership).\n"
        + "ok: past the permission check (answered as the last column says: each request is refused after the check on "
        + "purpose, or only validated); denied: PERMISSION_DENIED; unauth: UNAUTHENTICATED; a cell ending in ! is not "
        + "what the rights say.\n\n");
    String service = null;
    for (List<String> line : table) {
      int slash = line.getFirst().indexOf('/');
      if (slash > 0) {
        String of = line.getFirst().substring(0, slash);
        if (service != null && !service.equals(of)) {
          out.append('\n');
        }
        service = of;
      }
      var text = new StringBuilder();
      for (int c = 0; c < line.size(); c++) {
        text.append(String.format("%-" + (widths[c] + 2) + "s", line.get(c)));
      }
      out.append(text.toString().stripTrailing()).append('\n');
    }
    out.append("\nThe roles, and their rights as GetCallerRights answers each:\n");
    int width = roles.stream().mapToInt(r -> r.label().length()).max().orElseThrow();
    for (Role role : roles) {
      out.append(String.format("  %-" + width + "s  %s%n", role.label(), role.who()));
      rights(role).forEach(r -> out.append(" ".repeat(width + 6)).append(r).append('\n'));
    }
    return out.toString();
  }

  /** Each right the partnership service says the role has, and why (none for a call without a token). */
  private List<String> rights(Role role) {
    if (role.credentials() == null) {
      return List.of();
    }
    CallerRights rights = PartnershipServiceGrpc.newBlockingStub(channels.get(PartnershipServiceGrpc.SERVICE_NAME))
        .withCallCredentials(role.credentials()).getCallerRights(GetCallerRightsRequest.getDefaultInstance());
    return rights.getRightsCount() == 0 ? List.of("no rights") : rights.getRightsList().stream()
        .map(r -> r.getPermission().name().substring("PERMISSION_".length()).toLowerCase(Locale.ROOT).replace('_', ' ')
            + (r.getScope().isEmpty() ? "" : " over " + r.getScope()) + " (" + r.getReason() + ")")
        .toList();
  }
}
