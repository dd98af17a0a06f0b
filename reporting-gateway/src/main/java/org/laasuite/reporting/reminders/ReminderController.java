package org.laasuite.reporting.reminders;

import io.grpc.Status;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
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
import org.laasuite.auth.Caller;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.common.security.Admins;
import org.laasuite.common.security.Callers;

/**
 * Sends the reminders now, for ops: {@code POST /api/v1/reminders:send} with a bearer token of one of the
 * partnership's admins ({@code laa.security.admins}; {@code bin/laa remind} sends the local admin's), and a JSON body
 * (any, {@code {}}): a form would need a page's CSRF token. The gateway then reads the partnership's records as that
 * admin, who may also read the e-mails of people's sign-in links. Answers each person with something due or overdue
 * and what became of their reminder.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
public class ReminderController {

  private final Reminders reminders;
  private final Admins admins;
  private final JsonMapper json;

  ReminderController(Reminders reminders, Admins admins, JsonMapper json) {
    this.reminders = reminders;
    this.admins = admins;
    this.json = json;
  }

  @Post(uri = "/api/v1/reminders:send", produces = MediaType.APPLICATION_JSON)
  public HttpResponse<String> send(HttpRequest<?> request) {
    Caller caller = request.getAttribute(Callers.HTTP_ATTRIBUTE, Caller.class).orElse(null);
    if (caller == null) {
      throw new ApiException(Status.Code.UNAUTHENTICATED, "TOKEN_MISSING", "no bearer token: sending the reminders "
          + "needs a token of one of the partnership's admins, sent as 'Authorization: Bearer …'", List.of());
    }
    if (!admins.isAdmin(caller)) {
      throw new ApiException(Status.Code.PERMISSION_DENIED, "PERMISSION_DENIED", caller + " may not send the "
          + "reminders: only the partnership's admins (laa.security.admins) may", List.of());
    }
    Reminders.Run run = reminders.send();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("asOf", run.asOf());
    out.put("sent", run.sent());
    out.put("people", run.people().stream().map(p -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("person", p.person());
      m.put("name", p.name());
      m.put("addresses", p.addresses());
      m.put("overdue", p.overdue());
      m.put("due", p.due());
      m.put("result", p.result());
      return m;
    }).toList());
    out.put("notes", run.notes());
    try {
      return HttpResponse.ok(json.writeValueAsString(out)).contentType(MediaType.APPLICATION_JSON_TYPE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
