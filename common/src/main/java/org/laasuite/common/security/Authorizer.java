package org.laasuite.common.security;

import io.grpc.Status;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.laasuite.auth.Caller;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.common.grpc.ServedCall;
import org.laasuite.partnership.v1.CallerRights;
import org.laasuite.partnership.v1.Permission;
import org.laasuite.partnership.v1.Right;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every write asks here whether its caller may touch its object: the caller must hold {@code permission} over one of
 * the scopes the object belongs to (an indicator: its owning organisation or its theme group) or over the whole
 * partnership; the configured admins ({@link Admins}) may do everything. Refused PERMISSION_DENIED naming the
 * permission missing and the object; allowed writes are logged with who, what and why (logger {@code laa.audit}). The
 * rights looked up stay with the call ({@link ServedCall#rights()}): the person and organisation its audit events name.
 */
@Singleton
public class Authorizer {

  private static final Logger AUDIT = LoggerFactory.getLogger("laa.audit");

  private final Admins admins;
  private final CallerRightsSource source;

  public Authorizer(Admins admins, @Nullable CallerRightsSource source) {
    this.admins = admins;
    this.source = source;
  }

  /**
   * The right that lets the current caller {@code action} ("enter figures of") {@code object}
   * ("indicators/CYP-28"), which belongs to {@code scopes}; PERMISSION_DENIED when none does.
   */
  public Right require(Permission permission, Collection<String> scopes, String action, String object) {
    Caller caller = Callers.current();
    if (caller == null) {
      throw new ApiException(Status.Code.UNAUTHENTICATED, "TOKEN_MISSING",
          "no bearer token: sign in, and send the token as 'authorization: Bearer …'", List.of());
    }
    if (admins.isAdmin(caller)) {
      AUDIT.info("{} may {} {}: {}", caller, action, object, Admins.REASON);
      return Right.newBuilder().setPermission(permission).setReason(Admins.REASON).build();
    }
    if (source == null) {
      throw new ApiException(Status.Code.UNAVAILABLE, "RIGHTS_UNAVAILABLE", "this service cannot say what "
          + caller + " may do: no partnership service is configured (laa.services.partnership)", List.of());
    }
    CallerRights rights = source.rights(caller);
    ServedCall call = ServedCall.current();
    if (call != null) {
      call.rights(rights); // who the audit trail says wrote
    }
    String who = rights.getPerson().isEmpty() ? caller.toString() : rights.getPerson();
    for (Right r : rights.getRightsList()) {
      if (Scopes.covers(r, permission, scopes)) {
        AUDIT.info("{} may {} {}: {}{}", who, action, object, r.getReason(),
            r.getScope().isEmpty() ? "" : " (" + r.getScope() + ")");
        return r;
      }
    }
    String needed = words(permission) + (scopes.isEmpty() ? " for the partnership"
        : " for " + String.join(" or ", scopes));
    AUDIT.info("{} may not {} {}: needs {}", who, action, object, needed);
    throw new ApiException(Status.Code.PERMISSION_DENIED, "PERMISSION_DENIED", who + " may not " + action + " "
        + object + ": that needs the right to " + needed + (rights.getPerson().isEmpty()
            ? " (this sign-in is linked to no person of the partnership)" : ""), List.of());
  }

  /**
   * Who the current caller is, as records name them: their person ("people/…") when the sign-in is linked to one,
   * else the caller itself ("subject (issuer)"), as it is for the configured admins, whose rights are not asked for;
   * empty without a caller.
   */
  public String who() {
    Caller caller = Callers.current();
    if (caller == null) {
      return "";
    }
    if (source != null && !admins.isAdmin(caller)) {
      String person = source.rights(caller).getPerson();
      if (!person.isEmpty()) {
        return person;
      }
    }
    return caller.toString();
  }

  /** Whether the current caller holds any of {@code permissions} over one of {@code scopes} or the partnership. */
  public boolean holdsAny(Collection<Permission> permissions, Collection<String> scopes) {
    Caller caller = Callers.current();
    if (caller == null) {
      return false;
    }
    if (admins.isAdmin(caller)) {
      return true;
    }
    if (source == null) {
      return false;
    }
    return source.rights(caller).getRightsList().stream().anyMatch(r -> permissions.stream()
        .anyMatch(p -> Scopes.covers(r, p, scopes)));
  }

  /** The same for an object of the whole partnership (a funding stream, a meeting). */
  public Right require(Permission permission, String action, String object) {
    return require(permission, List.of(), action, object);
  }

  private static String words(Permission p) {
    return p.name().substring("PERMISSION_".length()).toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
