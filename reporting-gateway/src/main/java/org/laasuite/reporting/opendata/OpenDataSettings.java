package org.laasuite.reporting.opendata;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.HttpHostResolver;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * What the open-data outputs say about themselves ({@code laa.open-data.*}, from {@code LAA_OPEN_DATA_*}): the
 * licence they are published under ({@code licence-url}, the Open Government Licence v3.0 by default), the
 * publisher's name ({@code publisher}), the 360Giving prefix of the partnership's grant and organisation identifiers
 * ({@code prefix}, docs/open-data.md) and the gateway's address as readers reach it ({@code public-url}; empty: the
 * request's own, as its Host header or the forwarding headers Micronaut is told to trust give it), which OParl's
 * object URLs start with. Checked at start: a gateway told something unusable says so and does not start.
 */
@Context
public class OpenDataSettings {

  public static final String OGL_3 = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/";

  private final String licenceUrl;
  private final String publisher;
  private final String prefix;
  private final String publicUrl;
  private final HttpHostResolver hosts;

  public OpenDataSettings(@Value("${laa.open-data.licence-url:" + OGL_3 + "}") String licenceUrl,
      @Value("${laa.open-data.publisher:Coventry Partnership}") String publisher,
      @Value("${laa.open-data.prefix:360G-coventrypartnership}") String prefix,
      @Value("${laa.open-data.public-url:}") String publicUrl, HttpHostResolver hosts) {
    this.licenceUrl = licenceUrl.strip();
    this.publisher = publisher.strip();
    this.prefix = prefix.strip();
    this.publicUrl = publicUrl.strip().replaceAll("/+$", "");
    this.hosts = hosts;
    List<String> wrong = new ArrayList<>();
    if (!absolute(this.licenceUrl)) {
      wrong.add("laa.open-data.licence-url (LAA_OPEN_DATA_LICENCE_URL) must be an absolute http(s) URL, not '"
          + licenceUrl + "'");
    }
    if (this.publisher.isEmpty()) {
      wrong.add("laa.open-data.publisher (LAA_OPEN_DATA_PUBLISHER) must name the publisher");
    }
    if (!this.prefix.matches("360G-[A-Za-z0-9][A-Za-z0-9-]{0,60}")) {
      wrong.add("laa.open-data.prefix (LAA_OPEN_DATA_PREFIX) must be a 360Giving prefix like '360G-coventry', not '"
          + prefix + "'");
    }
    if (!this.publicUrl.isEmpty() && !absolute(this.publicUrl)) {
      wrong.add("laa.open-data.public-url (LAA_OPEN_DATA_PUBLIC_URL) must be empty or an absolute http(s) URL like "
          + "https://performance.example.org, not '" + publicUrl + "'");
    }
    if (!wrong.isEmpty()) {
      throw new IllegalStateException("the open-data settings are not usable: " + String.join("; ", wrong));
    }
  }

  private static boolean absolute(String url) {
    try {
      URI u = URI.create(url);
      return ("https".equals(u.getScheme()) || "http".equals(u.getScheme())) && u.getHost() != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  public String licenceUrl() {
    return licenceUrl;
  }

  public String publisher() {
    return publisher;
  }

  public String prefix() {
    return prefix;
  }

  /** Where readers reach the gateway: the configured public URL, else the request's scheme, host and port. */
  public String baseUrl(HttpRequest<?> request) {
    return publicUrl.isEmpty() ? hosts.resolve(request).replaceAll("/+$", "") : publicUrl;
  }
}
