package org.laasuite.reporting.opendata.oparl;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.common.grpc.Violations;
import org.laasuite.reporting.opendata.Fields;
import org.laasuite.reporting.opendata.GovernanceReads;
import org.laasuite.reporting.opendata.OpenDataSettings;

/**
 * The OParl 1.1 read API under {@code /oparl/v1/}, for anyone: {@code system}, its list of bodies (one: the
 * partnership, {@link Oparl}), the body's lists ({@code organizations}, {@code people}, {@code memberships},
 * {@code meetings}, {@code agenda-items}, {@code papers}), and every object at its own URL. Lists are paged as OParl
 * says: {@code data}, {@code pagination} ({@code totalElements}, {@code elementsPerPage}, {@code currentPage},
 * {@code totalPages}) and {@code links} ({@code first}, {@code prev}, {@code next}, {@code last}); a client asks for
 * {@code limit} objects a page (1 to 100, 20 unless asked) and walks by {@code page} (from 1). URLs are absolute,
 * from {@code laa.open-data.public-url} or the request. Read from the partnership service as the caller.
 */
@Controller("/oparl/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
public class OparlController {

  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 100;

  private final GovernanceReads governance;
  private final OpenDataSettings settings;
  private final JsonMapper json;

  public OparlController(GovernanceReads governance, OpenDataSettings settings, JsonMapper json) {
    this.governance = governance;
    this.settings = settings;
    this.json = json;
  }

  @Get(uri = "/system", produces = MediaType.APPLICATION_JSON)
  public HttpResponse<String> system(HttpRequest<?> request) {
    // The system names its bodies' list only: nothing from the services needed.
    return ok(new Oparl(settings.baseUrl(request), settings.licenceUrl(), settings.publisher(), null).system());
  }

  @Get(uri = "/bodies", produces = MediaType.APPLICATION_JSON)
  public HttpResponse<String> bodies(HttpRequest<?> request, @Nullable @QueryValue String page,
      @Nullable @QueryValue String limit) {
    Oparl o = new Oparl(settings.baseUrl(request), settings.licenceUrl(), settings.publisher(), null);
    return ok(page(o.root() + "/bodies", List.of(o.bodyObject()), page, limit));
  }

  @Get(uri = "/bodies/{body}", produces = MediaType.APPLICATION_JSON)
  public HttpResponse<String> body(HttpRequest<?> request, String body) {
    Oparl o = new Oparl(settings.baseUrl(request), settings.licenceUrl(), settings.publisher(), null);
    known(body);
    return ok(o.bodyObject());
  }

  @Get(uri = "/bodies/{body}/{list}", produces = MediaType.APPLICATION_JSON)
  public HttpResponse<String> list(HttpRequest<?> request, String body, String list, @Nullable @QueryValue String page,
      @Nullable @QueryValue String limit) {
    known(body);
    Function<Oparl, List<? extends Map<String, Object>>> objects = switch (list) {
      case "organizations" -> Oparl::organizations;
      case "people" -> Oparl::persons;
      case "memberships" -> Oparl::memberships;
      case "meetings" -> Oparl::meetings;
      case "agenda-items" -> Oparl::agendaItems;
      // The partnership's papers are not (yet) in the suite: an empty list, as OParl's body must name one.
      case "papers" -> o -> List.of();
      default -> throw ApiException.notFound("OParl list", list);
    };
    Oparl o = oparl(request);
    return ok(page(o.list(list), objects.apply(o), page, limit));
  }

  /** Any object by its URL: an organization, a person, a membership, a meeting, its location, an agenda item. */
  @Get(uri = "/{kind}/{+rest}", produces = MediaType.APPLICATION_JSON)
  public HttpResponse<String> object(HttpRequest<?> request, String kind, String rest) {
    if (!List.of("organizations", "people", "memberships", "meetings").contains(kind)) {
      throw ApiException.notFound("OParl object", kind + "/" + rest);
    }
    Oparl o = oparl(request);
    String id = o.root() + "/" + kind + "/" + rest;
    Stream<Fields> candidates = switch (kind) {
      case "organizations" -> o.organizations().stream();
      case "people" -> o.persons().stream();
      case "memberships" -> o.memberships().stream();
      default -> Stream.of(o.meetings(), o.agendaItems(), o.locations()).flatMap(List::stream);
    };
    return ok(candidates.filter(f -> id.equals(f.get("id"))).findFirst()
        .orElseThrow(() -> ApiException.notFound("OParl object", kind + "/" + rest)));
  }

  private Oparl oparl(HttpRequest<?> request) {
    return new Oparl(settings.baseUrl(request), settings.licenceUrl(), settings.publisher(), governance.read());
  }

  private static void known(String body) {
    if (!Oparl.BODY.equals(body)) {
      throw ApiException.notFound("OParl body", body);
    }
  }

  /** page and limit, checked: {page, limit}. */
  private static int[] paging(String page, String limit, Violations v) {
    int p = number(page, 1, "page", v);
    int l = number(limit, DEFAULT_LIMIT, "limit", v);
    v.check(p >= 1, "page", "must be 1 or more");
    v.check(l >= 1 && l <= MAX_LIMIT, "limit", "must be 1 to " + MAX_LIMIT);
    return new int[] {p, l};
  }

  private static int number(String text, int otherwise, String field, Violations v) {
    if (text == null || text.isEmpty()) {
      return otherwise;
    }
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      v.add(field, "must be a whole number, not '" + (text.length() > 20 ? text.substring(0, 20) + "…" : text) + "'");
      return otherwise;
    }
  }

  private static Map<String, Object> page(String url, List<? extends Map<String, Object>> all, String pageText,
      String limitText) {
    Violations v = new Violations();
    int[] paging = paging(pageText, limitText, v);
    int limit = paging[1];
    int pages = Math.max(1, (all.size() + limit - 1) / limit);
    v.check(paging[0] <= pages, "page", "must be 1 to " + pages + " (the last page)");
    v.throwIfAny();
    int page = paging[0];
    List<? extends Map<String, Object>> data = all.subList(Math.min(all.size(), (page - 1) * limit),
        Math.min(all.size(), page * limit));
    Map<String, Object> links = new LinkedHashMap<>();
    String limitQuery = limitText == null || limitText.isEmpty() ? "" : "&limit=" + limit;
    links.put("first", url + "?page=1" + limitQuery);
    if (page > 1) {
      links.put("prev", url + "?page=" + (page - 1) + limitQuery);
    }
    if (page < pages) {
      links.put("next", url + "?page=" + (page + 1) + limitQuery);
    }
    links.put("last", url + "?page=" + pages + limitQuery);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("data", data);
    out.put("pagination", Map.of("totalElements", all.size(), "elementsPerPage", limit, "currentPage", page,
        "totalPages", pages));
    out.put("links", links);
    return out;
  }

  private HttpResponse<String> ok(Object value) {
    try {
      return HttpResponse.ok(json.writeValueAsString(value)).contentType(MediaType.APPLICATION_JSON_TYPE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
