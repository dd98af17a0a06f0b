package org.laasuite.partnership.access;

import jakarta.inject.Singleton;
import org.laasuite.auth.Caller;
import org.laasuite.common.security.CallerRightsSource;
import org.laasuite.partnership.v1.CallerRights;

/** In the partnership service, a caller's rights come straight from its own governance data. */
@Singleton
public class LocalCallerRights implements CallerRightsSource {

  private final AccessService access;

  public LocalCallerRights(AccessService access) {
    this.access = access;
  }

  @Override
  public CallerRights rights(Caller caller) {
    return AccessMapper.toProto(access.of(caller));
  }
}
