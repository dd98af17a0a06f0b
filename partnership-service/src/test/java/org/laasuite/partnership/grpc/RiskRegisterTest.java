package org.laasuite.partnership.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.laasuite.testkit.GrpcErrors.errorInfo;
import static org.laasuite.testkit.GrpcErrors.expect;

import com.google.protobuf.FieldMask;
import com.google.type.Date;
import io.grpc.Status;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.laasuite.partnership.v1.*;

/** The risk register kept by the secretariat: likelihood and impact scored 1 to 5, the score their product. */
@MicronautTest(transactional = false)
class RiskRegisterTest extends SecretariatAndVisitorTest {

  private static Risk funding() {
    return Risk.newBuilder().setId("nrf-ends").setRisk("Neighbourhood Renewal Fund ends in March 2008")
        .setOwner("Partnership Manager").setLikelihoodScore(4).setImpactScore(3)
        .setReviewDate(Date.newBuilder().setYear(2008).setMonth(1).setDay(31)).build();
  }

  @Test
  void aRiskIsScoredLikelihoodTimesImpactAndItsTextKeptWhenItsScoresChange() {
    Risk created = as("sub-sec").createRisk(CreateRiskRequest.newBuilder().setRisk(funding()).build());
    assertEquals("risks/nrf-ends", created.getName());
    assertEquals(12, created.getScore());
    assertEquals(RiskStatus.RISK_STATUS_OPEN, created.getStatus());
    Risk raised = as("sub-sec").updateRisk(UpdateRiskRequest.newBuilder().setRisk(Risk.newBuilder()
        .setName(created.getName()).setImpactScore(5).setEtag(created.getEtag()))
        .setUpdateMask(FieldMask.newBuilder().addPaths("impact_score")).build());
    assertEquals(20, raised.getScore());
    assertEquals("Neighbourhood Renewal Fund ends in March 2008", raised.getRisk());
    assertEquals("Partnership Manager", raised.getOwner());
    assertEquals(List.of(raised), admin.listRisks(ListRisksRequest.getDefaultInstance()).getRisksList());
    var stale = expect(Status.Code.ABORTED, () -> as("sub-sec").updateRisk(UpdateRiskRequest.newBuilder()
        .setRisk(Risk.newBuilder().setName(created.getName()).setStatus(RiskStatus.RISK_STATUS_CLOSED)
            .setEtag(created.getEtag())).setUpdateMask(FieldMask.newBuilder().addPaths("status")).build()));
    assertEquals("ETAG_MISMATCH", errorInfo(stale).getReason());
  }

  @Test
  void aScoreOutsideOneToFiveIsRefusedNamingTheField() {
    var bad = expect(Status.Code.INVALID_ARGUMENT, () -> as("sub-sec").createRisk(CreateRiskRequest.newBuilder()
        .setRisk(funding().toBuilder().setId("too-likely").setLikelihoodScore(6)).build()));
    assertTrue(bad.getMessage().contains("risk.likelihood_score"), bad.getMessage());
    expect(Status.Code.NOT_FOUND, () -> admin.updateRisk(UpdateRiskRequest.newBuilder().setRisk(Risk.newBuilder()
        .setName("risks/too-likely")).setUpdateMask(FieldMask.newBuilder().addPaths("status")).build()));
  }

  @Test
  void aVisitorWithoutTheRightIsRefused() {
    expect(Status.Code.PERMISSION_DENIED, () -> as("sub-vis").createRisk(CreateRiskRequest.newBuilder()
        .setRisk(funding().toBuilder().setId("visitors-risk")).build()));
    expect(Status.Code.NOT_FOUND, () -> admin.updateRisk(UpdateRiskRequest.newBuilder().setRisk(Risk.newBuilder()
        .setName("risks/visitors-risk")).setUpdateMask(FieldMask.newBuilder().addPaths("status")).build()));
  }
}
