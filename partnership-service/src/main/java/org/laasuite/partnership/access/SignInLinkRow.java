package org.laasuite.partnership.access;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** A sign-in of a person's: an issuer's subject, or an e-mail the issuer verified (one of the two is empty). */
@MappedEntity("sign_in_link")
public record SignInLinkRow(@Id @GeneratedValue @Nullable Long id, long personId, String issuer, String subject,
    String email, @DateCreated(truncatedTo = ChronoUnit.MICROS) @Nullable Instant createTime) {
}
