package org.laasuite.common.security;

import org.laasuite.auth.Caller;
import org.laasuite.partnership.v1.CallerRights;

/**
 * Where a service learns what a caller may do: the partnership service's governance data, asked directly there
 * and over gRPC on the caller's behalf elsewhere ({@link RemoteCallerRights}).
 */
public interface CallerRightsSource {

  CallerRights rights(Caller caller);
}
