package org.laasuite.common.security;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.laasuite.auth.Caller;

/**
 * The partnership's admins, from configuration ({@code laa.security.admins}: "issuer-name:subject", comma
 * separated, e.g. "local:partnership-admin"): the first admin of a new partnership and the machines that load
 * its data. They may do everything, in every service, without asking the partnership service; everyone
 * else's rights come from the governance data.
 */
@Singleton
public class Admins {

  /** Why an admin may: what their rights say. */
  public static final String REASON = "partnership admin (laa.security.admins)";

  private final Set<String> admins;

  public Admins(@Value("${laa.security.admins:}") String admins) {
    this.admins = Arrays.stream(admins.split(",")).map(String::strip).filter(a -> !a.isEmpty())
        .collect(Collectors.toSet());
  }

  public boolean isAdmin(Caller caller) {
    return caller != null && admins.contains(caller.issuerName() + ":" + caller.subject());
  }
}
