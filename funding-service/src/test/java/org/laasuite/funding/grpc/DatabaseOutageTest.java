package org.laasuite.funding.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.Status;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.laasuite.funding.v1.Arrangement;
import org.laasuite.funding.v1.CreateFundingStreamRequest;
import org.laasuite.funding.v1.FundingServiceGrpc;
import org.laasuite.funding.v1.FundingStream;
import org.laasuite.funding.v1.GetFundingStreamRequest;
import org.laasuite.testkit.OutageDrill;
import org.laasuite.testkit.OwnPostgresTest;
import org.laasuite.type.v1.LaaBlock;

/**
 * PostgreSQL stops under load and starts again: while it is down every call is UNAVAILABLE (which
 * clients retry), never INTERNAL or UNKNOWN; the service recovers by itself; and every write it
 * acknowledged is still there.
 */
@MicronautTest(transactional = false)
class DatabaseOutageTest extends OwnPostgresTest {

  @Inject
  FundingServiceGrpc.FundingServiceBlockingStub client;

  @Test
  void anOutageIsUnavailableTheServiceRecoversAndNoAcknowledgedWriteIsLost() throws Exception {
    var result = OutageDrill.run("funding-service", postgres, n -> client.withDeadlineAfter(20, TimeUnit.SECONDS)
        .createFundingStream(CreateFundingStreamRequest.newBuilder().setFundingStream(FundingStream.newBuilder()
            .setId("out-" + n).setTitle("Outage " + n).setProgramme("ABG")
            .setBlock(LaaBlock.LAA_BLOCK_CHILDREN_AND_YOUNG_PEOPLE).setArrangement(Arrangement.ARRANGEMENT_ALIGNED))
            .build()).getName());
    assertEquals(List.of(), result.failures().keySet().stream().filter(c -> c != Status.Code.UNAVAILABLE).toList(),
        "a database outage is UNAVAILABLE, nothing else");
    for (String name : result.acknowledged()) {
      assertEquals(name, client.getFundingStream(GetFundingStreamRequest.newBuilder().setName(name).build()).getName(),
          "an acknowledged write survives the outage");
    }
  }
}
