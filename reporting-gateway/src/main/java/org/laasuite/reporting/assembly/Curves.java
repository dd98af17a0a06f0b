package org.laasuite.reporting.assembly;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.laasuite.indicators.v1.BatchGetTrendsAroundRequest;
import org.laasuite.indicators.v1.Direction;
import org.laasuite.indicators.v1.TrendAround;
import org.laasuite.indicators.v1.TrendQuestion;
import org.laasuite.partnership.v1.Action;
import org.laasuite.reporting.render.Fmt;
import org.laasuite.reporting.upstream.Answers;
import org.laasuite.reporting.upstream.Upstreams;

/**
 * Did the action turn the curve? For actions on indicators, the trend of each indicator's city figures before the
 * day the meeting agreed the action and since (the indicators service's BatchGetTrendsAround, one call), said in
 * words with the honest caveat: an association in time, not a cause.
 */
@Singleton
public class Curves {

  /** What every page that shows the curve says of it. */
  public static final String CAVEAT = "An association in time, not a cause: other things changed too.";

  private final Upstreams upstreams;

  public Curves(Upstreams upstreams) {
    this.upstreams = upstreams;
  }

  /** One indicator's curve around the day an action was agreed, in words. */
  public record Curve(String indicator, String code, TrendAround around, String words) {
  }

  /**
   * The curves of {@code actions} around the day each was agreed (its meeting's date; actions without indicators or
   * that date are left out), by action name; empty when the indicators service does not answer (the page says
   * nothing of the curve then, rather than something wrong).
   */
  public Map<String, List<Curve>> of(List<Action> actions) {
    List<Action> asked = new ArrayList<>();
    var request = BatchGetTrendsAroundRequest.newBuilder();
    for (Action a : actions) {
      if (!a.hasMeetingDate()) {
        continue;
      }
      com.google.type.Date day = a.getMeetingDate();
      for (String indicator : a.getIndicatorsList()) {
        asked.add(a);
        request.addQuestions(TrendQuestion.newBuilder().setIndicator(indicator).setAt(day));
      }
    }
    Map<String, List<Curve>> out = new HashMap<>();
    if (request.getQuestionsCount() == 0) {
      return out;
    }
    List<TrendAround> answers;
    try {
      answers = Answers.await(upstreams.indicators().batchGetTrendsAround(request.build()), upstreams.deadline())
          .getAnswersList();
    } catch (io.grpc.StatusException e) {
      return out;
    }
    for (int k = 0; k < answers.size(); k++) {
      TrendAround t = answers.get(k);
      String code = t.getIndicator().substring(t.getIndicator().indexOf('/') + 1);
      out.computeIfAbsent(asked.get(k).getName(), n -> new ArrayList<>()).add(new Curve(t.getIndicator(), code, t,
          words(t)));
    }
    return out;
  }

  /** "Worsening before, improving since: the curve turned." */
  public static String words(TrendAround t) {
    Direction before = t.getBefore().getDirection();
    Direction since = t.getSince().getDirection();
    if (since == Direction.DIRECTION_UNKNOWN || since == Direction.DIRECTION_UNSPECIFIED) {
      return "no figure since to compare";
    }
    String b = before == Direction.DIRECTION_UNKNOWN || before == Direction.DIRECTION_UNSPECIFIED
        ? "no trend before" : Fmt.INSTANCE.trend(before).toLowerCase(java.util.Locale.UK) + " before";
    return b + ", " + Fmt.INSTANCE.trend(since).toLowerCase(java.util.Locale.UK) + " since"
        + (t.getTurned() ? ": the curve turned" : "");
  }
}
