package org.laasuite.partnership.access;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import org.laasuite.partnership.v1.Permission;

/**
 * One thing a person may do, over {@code scope} (a resource name; empty for the whole partnership), with why
 * ({@code reason}, in words) and the record it comes from ({@code source}) and that record's dates.
 */
public record RightValue(Permission permission, String scope, String reason, String source,
    @Nullable LocalDate startDate, @Nullable LocalDate endDate) {
}
