package org.laasuite.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.laasuite.testkit.GrpcErrors.errorInfo;
import static org.laasuite.testkit.GrpcErrors.expect;

import com.google.type.Decimal;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.laasuite.funding.v1.CreateCommitmentRequest;
import org.laasuite.funding.v1.FundingServiceGrpc;
import org.laasuite.indicators.v1.CreateIndicatorRequest;
import org.laasuite.indicators.v1.CreateOutturnRequest;
import org.laasuite.indicators.v1.DeleteIndicatorRequest;
import org.laasuite.indicators.v1.Figure;
import org.laasuite.indicators.v1.Indicator;
import org.laasuite.indicators.v1.IndicatorServiceGrpc;
import org.laasuite.indicators.v1.Outturn;
import org.laasuite.indicators.v1.Polarity;
import org.laasuite.testkit.TestIssuer;
import org.laasuite.type.v1.LaaBlock;

/**
 * Rights from the demo partnership's governance data, across the real services: Sara Roach, an advisor of the
 * Community Safety Partnership, may enter that theme group's figures and not the Children and Young People's;
 * a finance manager of the accountable body may manage the funding and she may not; nobody writes anonymously.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RightsTest {

  private ManagedChannel indicatorsChannel;
  private ManagedChannel fundingChannel;

  @BeforeAll
  void channels() {
    indicatorsChannel = RunningSuite.get().indicators.channel();
    fundingChannel = RunningSuite.get().funding.channel();
    // An indicator of the test's own that the Community Safety Partnership reports; archived at the end.
    admin().createIndicator(CreateIndicatorRequest.newBuilder()
        .setIndicator(Indicator.newBuilder().setId("RIGHTS-CSP").setTitle("Reported by the CSP")
            .setBlock(LaaBlock.LAA_BLOCK_SAFER_AND_STRONGER_COMMUNITIES).setPolarity(Polarity.POLARITY_LOWER_IS_BETTER)
            .setThemeGroup("bodies/community-safety-partnership")).build());
  }

  private IndicatorServiceGrpc.IndicatorServiceBlockingStub admin() {
    return IndicatorServiceGrpc.newBlockingStub(indicatorsChannel).withCallCredentials(TestIssuer.admin());
  }

  private IndicatorServiceGrpc.IndicatorServiceBlockingStub indicatorsAs(String person) {
    return IndicatorServiceGrpc.newBlockingStub(indicatorsChannel).withCallCredentials(TestIssuer.as(person));
  }

  @AfterAll
  void archiveAndClose() {
    admin().deleteIndicator(DeleteIndicatorRequest.newBuilder()
        .setName("indicators/RIGHTS-CSP").setForce(true).build());
    indicatorsChannel.shutdownNow();
    fundingChannel.shutdownNow();
  }

  private static CreateOutturnRequest outturn(String indicator) {
    return CreateOutturnRequest.newBuilder().setParent(indicator).setOutturn(Outturn.newBuilder()
        .setPeriod("periods/fy-2007-08").setFigure(Figure.newBuilder().setValue(Decimal.newBuilder().setValue("12"))))
        .build();
  }

  @Test
  void aThemeGroupMemberEntersItsFiguresAndNotAnotherGroups() throws Exception {
    var sara = indicatorsAs("people/sara-roach");
    assertTrue(sara.createOutturn(outturn("indicators/RIGHTS-CSP")).getName().startsWith("indicators/RIGHTS-CSP/"));

    var refused = expect(Status.Code.PERMISSION_DENIED, () -> sara.createOutturn(outturn("indicators/CYP-28")));
    assertEquals("PERMISSION_DENIED", errorInfo(refused).getReason());
    assertEquals("people/sara-roach may not enter figures of indicators/CYP-28: that needs the right to enter "
        + "figures for bodies/children-and-young-peoples-partnership", refused.getMessage());
    var recorded = expect(Status.Code.PERMISSION_DENIED, () -> sara.deleteIndicator(DeleteIndicatorRequest
        .newBuilder().setName("indicators/RIGHTS-CSP").build()));
    assertEquals("people/sara-roach may not delete indicators/RIGHTS-CSP: that needs the right to manage "
        + "indicators for the partnership", recorded.getMessage());
  }

  @Test
  void theAccountableBodysFinanceManagerManagesTheFundingAndOthersDoNot() throws Exception {
    // An empty commitment: an allowed caller gets as far as its checks (INVALID_ARGUMENT), a refused one not.
    var commitment = CreateCommitmentRequest.newBuilder().setCommitment(
        org.laasuite.funding.v1.Commitment.newBuilder().setId("rights-test")).build();
    var phil = FundingServiceGrpc.newBlockingStub(fundingChannel).withCallCredentials(TestIssuer.as("people/phil-helm"));
    expect(Status.Code.INVALID_ARGUMENT, () -> phil.createCommitment(commitment));
    var sara = FundingServiceGrpc.newBlockingStub(fundingChannel).withCallCredentials(TestIssuer.as("people/sara-roach"));
    var refused = expect(Status.Code.PERMISSION_DENIED, () -> sara.createCommitment(commitment));
    assertEquals("people/sara-roach may not create commitments/rights-test: that needs the right to manage funding "
        + "for the partnership", refused.getMessage());
  }

  @Test
  void anonymousWritesAreUnauthenticated() {
    var anonymous = IndicatorServiceGrpc.newBlockingStub(indicatorsChannel);
    var refused = expect(Status.Code.UNAUTHENTICATED, () -> anonymous.createOutturn(outturn("indicators/RIGHTS-CSP")));
    assertEquals("TOKEN_MISSING", errorInfo(refused).getReason());
  }
}
