package org.laasuite.reporting.work;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.util.HashMap;
import java.util.Map;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.common.grpc.ResourceNames;
import org.laasuite.reporting.render.Pages;
import org.laasuite.reporting.signin.Visitors;
import org.laasuite.reporting.v1.Work;

/**
 * What is due and overdue for any person ({@code /work/people/{id}}) or theme group ({@code /work/bodies/{id}}), public
 * as the rights and minutes they come from are; the reminders link to these pages. A signed-in person's own is a
 * section of My work ({@link WorkDue}).
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class WorkController {

  private final Workloads workloads;
  private final Pages pages;
  private final Visitors visitors;

  WorkController(Workloads workloads, Pages pages, Visitors visitors) {
    this.workloads = workloads;
    this.pages = pages;
    this.visitors = visitors;
  }

  @Get(uri = "/work/people/{id}", produces = MediaType.TEXT_HTML)
  @Secured(SecurityRule.IS_ANONYMOUS)
  public HttpResponse<String> person(HttpRequest<?> request, String id) {
    return page(request, Map.of("work", workloads.person(name(ResourceNames.PEOPLE, id))));
  }

  @Get(uri = "/work/bodies/{id}", produces = MediaType.TEXT_HTML)
  @Secured(SecurityRule.IS_ANONYMOUS)
  public HttpResponse<String> body(HttpRequest<?> request, String id) {
    return page(request, Map.of("work", workloads.themeGroup(name(ResourceNames.BODIES, id))));
  }

  private static String name(ResourceNames collection, String id) {
    if (!collection.isId(id)) {
      throw ApiException.invalid("id", "must be an id of lower-case letters, digits and dashes like 'sara-roach'");
    }
    return collection.name(id);
  }

  private HttpResponse<String> page(HttpRequest<?> request, Map<String, Object> model) {
    Map<String, Object> m = new HashMap<>(model);
    m.putIfAbsent("mine", false);
    m.putIfAbsent("unknown", "");
    m.putIfAbsent("work", Work.getDefaultInstance());
    return HttpResponse.ok(pages.html("work", visitors.page(request, m), false))
        .contentType(MediaType.TEXT_HTML_TYPE + ";charset=utf-8");
  }
}
