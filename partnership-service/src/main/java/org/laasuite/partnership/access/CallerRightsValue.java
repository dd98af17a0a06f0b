package org.laasuite.partnership.access;

import io.micronaut.core.annotation.Nullable;
import java.util.List;
import org.laasuite.partnership.directory.OrganisationRow;
import org.laasuite.partnership.directory.PersonRow;

/**
 * Who a caller is to the partnership (the person their sign-in is linked to, if any, and the person's organisation)
 * and their rights.
 */
public record CallerRightsValue(String issuer, String subject, @Nullable PersonRow person,
    @Nullable OrganisationRow organisation, List<RightValue> rights) {
}
