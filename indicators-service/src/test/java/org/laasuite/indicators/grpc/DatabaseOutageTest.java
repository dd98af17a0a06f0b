package org.laasuite.indicators.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.Status;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.laasuite.indicators.v1.CreateIndicatorRequest;
import org.laasuite.indicators.v1.GetIndicatorRequest;
import org.laasuite.indicators.v1.Indicator;
import org.laasuite.indicators.v1.IndicatorServiceGrpc;
import org.laasuite.indicators.v1.Polarity;
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
  IndicatorServiceGrpc.IndicatorServiceBlockingStub client;

  @Test
  void anOutageIsUnavailableTheServiceRecoversAndNoAcknowledgedWriteIsLost() throws Exception {
    var result = OutageDrill.run("indicators-service", postgres, n -> client.withDeadlineAfter(20, TimeUnit.SECONDS)
        .createIndicator(CreateIndicatorRequest.newBuilder().setIndicator(Indicator.newBuilder().setId("OUT-" + n)
            .setTitle("Outage " + n).setBlock(LaaBlock.LAA_BLOCK_CHILDREN_AND_YOUNG_PEOPLE)
            .setPolarity(Polarity.POLARITY_HIGHER_IS_BETTER)).build()).getName());
    assertEquals(List.of(), result.failures().keySet().stream().filter(c -> c != Status.Code.UNAVAILABLE).toList(),
        "a database outage is UNAVAILABLE, nothing else");
    for (String name : result.acknowledged()) {
      assertEquals(name, client.getIndicator(GetIndicatorRequest.newBuilder().setName(name).build()).getName(),
          "an acknowledged write survives the outage");
    }
  }
}
