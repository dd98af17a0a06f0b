package org.laasuite.funding.grpc;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.laasuite.auth.Caller;
import org.laasuite.common.security.CallerRightsSource;
import org.laasuite.common.security.RemoteCallerRights;
import org.laasuite.partnership.v1.CallerRights;
import org.laasuite.partnership.v1.Permission;
import org.laasuite.partnership.v1.Right;

/**
 * What the partnership service would answer for a caller, stood in for where a test sets {@value #PROPERTY}
 * (this service's tests run before the partnership service is built): {@value #FINANCE} is Fin Officer of the City
 * Council, a finance officer of the accountable body, who manages the funding; anyone else is linked to no one and
 * may do nothing.
 */
@Singleton
@Replaces(RemoteCallerRights.class)
@Requires(property = StandInRights.PROPERTY)
class StandInRights implements CallerRightsSource {

  static final String PROPERTY = "laa.test.stand-in-rights";
  static final String FINANCE = "sub-fin";

  @Override
  public CallerRights rights(Caller caller) {
    var rights = CallerRights.newBuilder().setIssuer(caller.issuer()).setSubject(caller.subject());
    if (FINANCE.equals(caller.subject())) {
      rights.setPerson("people/fin").setDisplayName("Fin Officer").setOrganisation("organisations/city-council")
          .addRights(Right.newBuilder().setPermission(Permission.PERMISSION_MANAGE_FUNDING)
              .setReason("Finance Manager at City Council, the accountable body"));
    }
    return rights.build();
  }
}
