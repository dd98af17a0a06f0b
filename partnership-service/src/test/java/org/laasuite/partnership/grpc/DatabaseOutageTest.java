package org.laasuite.partnership.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.Status;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.laasuite.partnership.v1.CreatePersonRequest;
import org.laasuite.partnership.v1.GetPersonRequest;
import org.laasuite.partnership.v1.PartnershipServiceGrpc;
import org.laasuite.partnership.v1.Person;
import org.laasuite.testkit.OutageDrill;
import org.laasuite.testkit.OwnPostgresTest;

/**
 * PostgreSQL stops under load and starts again: while it is down every call is UNAVAILABLE (which
 * clients retry), never INTERNAL or UNKNOWN; the service recovers by itself; and every write it
 * acknowledged is still there.
 */
@MicronautTest(transactional = false)
class DatabaseOutageTest extends OwnPostgresTest {

  @Inject
  PartnershipServiceGrpc.PartnershipServiceBlockingStub client;

  @Test
  void anOutageIsUnavailableTheServiceRecoversAndNoAcknowledgedWriteIsLost() throws Exception {
    var result = OutageDrill.run("partnership-service", postgres, n -> client.withDeadlineAfter(20, TimeUnit.SECONDS)
        .createPerson(CreatePersonRequest.newBuilder().setPerson(Person.newBuilder().setId("out-" + n)
            .setDisplayName("Outage " + n)).build()).getName());
    assertEquals(List.of(), result.failures().keySet().stream().filter(c -> c != Status.Code.UNAVAILABLE).toList(),
        "a database outage is UNAVAILABLE, nothing else");
    for (String name : result.acknowledged()) {
      assertEquals(name, client.getPerson(GetPersonRequest.newBuilder().setName(name).build()).getName(),
          "an acknowledged write survives the outage");
    }
  }
}
