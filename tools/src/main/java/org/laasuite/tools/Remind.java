package org.laasuite.tools;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * remind BASE_URL: has the running gateway send the e-mail reminders now ({@code POST /api/v1/reminders:send}, as
 * LAA_TOKEN's caller, which must be one of the partnership's admins: bin/laa sends the local admin's), and prints its
 * answer: each person with something due or overdue and what became of their reminder.
 */
final class Remind {

  private Remind() {
  }

  static int run(List<String> args) throws Exception {
    String token = Calls.token();
    if (token == null) {
      System.err.println("remind needs a token of one of the partnership's admins in LAA_TOKEN");
      return 2;
    }
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(args.get(0).replaceAll("/$", "")
        + "/api/v1/reminders:send")).timeout(Duration.ofMinutes(5)).header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    (r.statusCode() == 200 ? System.out : System.err).println(r.body());
    return r.statusCode() == 200 ? 0 : 1;
  }
}
