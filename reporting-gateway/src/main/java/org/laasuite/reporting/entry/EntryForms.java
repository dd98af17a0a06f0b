package org.laasuite.reporting.entry;

import com.google.rpc.BadRequest.FieldViolation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.common.grpc.ResourceNames;
import org.laasuite.indicators.v1.Entry;
import org.laasuite.indicators.v1.Figure;
import org.laasuite.indicators.v1.Indicator;
import org.laasuite.indicators.v1.IndicatorReport;
import org.laasuite.indicators.v1.Narrative;
import org.laasuite.indicators.v1.Outturn;
import org.laasuite.indicators.v1.OutturnStatus;
import org.laasuite.indicators.v1.Rating;
import org.laasuite.indicators.v1.RecordedJudgement;
import org.laasuite.indicators.v1.SaveEntryRequest;
import org.laasuite.reporting.entry.EntryForm.AreaForm;
import org.laasuite.reporting.entry.EntryForm.Field;
import org.laasuite.reporting.render.FigureTable;
import org.laasuite.reporting.render.Fmt;

/**
 * An indicator's return between a form and the indicators service: the inputs' values read from an entry, what a
 * sent form asks of SaveEntry, and each problem the service names (google.rpc.BadRequest's field paths,
 * "outturns[0].figure") placed at the input it is about. Inputs are named {@code prefix + key}: "etag",
 * "{area}.figure", "{area}.status", "{area}.data-period", "{area}.note", "achieved", "next-steps", "rating", "reason".
 */
final class EntryForms {

  static final String CITY = "city";
  private static final String PROVISIONAL = "provisional";
  private static final String FINAL = "final";
  private static final Map<String, Rating> RATINGS = new LinkedHashMap<>();
  private static final Pattern OUTTURN_FIELD = Pattern.compile("outturns\\[(\\d+)]\\.?([a-z_]*).*");

  static {
    RATINGS.put("green", Rating.RATING_GREEN);
    RATINGS.put("amber", Rating.RATING_AMBER);
    RATINGS.put("red", Rating.RATING_RED);
    RATINGS.put("too-early", Rating.RATING_TOO_EARLY_TO_ASSESS);
  }

  private EntryForms() {
  }

  /** Refuses (400, naming {@code period}) what is no period's code. */
  static void checkPeriod(String period) {
    if (!ResourceNames.PERIODS.isId(period)) {
      throw ApiException.invalid("period", "must be a period's code of lower-case letters, digits and dashes like "
          + "'fy-2007-08-q2', not '" + clip(period) + "'");
    }
  }

  /** A client's text repeated in a message, cut short. */
  static String clip(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "..." : s;
  }

  /** What a sent form asks (its button's {@code action}): check it, save it as a draft, or submit it. */
  enum Action {
    CHECK, SAVE, SUBMIT;

    static Action of(Map<String, String> form) {
      return switch (form.getOrDefault("action", "")) {
        case "check" -> CHECK;
        case "save" -> SAVE;
        case "submit" -> SUBMIT;
        default -> throw ApiException.invalid("action", "must be check, save or submit");
      };
    }
  }

  /**
   * The areas a return is entered for: the city always, and every area the indicator has a target or an outturn
   * in (the priority neighbourhoods and the rest of the city, where it measures the gap), the city first; by id.
   */
  static List<String> areas(IndicatorReport report, Entry entry) {
    return Stream.of(Stream.of("areas/" + CITY), report.getTargetsList().stream().map(t -> t.getArea()),
        report.getOutturnsList().stream().map(Outturn::getArea),
        entry == null ? Stream.<String>empty() : entry.getOutturnsList().stream().map(Outturn::getArea))
        .flatMap(s -> s).map(a -> a.isEmpty() ? "areas/" + CITY : a).distinct()
        .sorted(Comparator.comparing(FigureTable::areaRank)).map(a -> a.substring("areas/".length())).toList();
  }

  /** The inputs' values of {@code entry} as it is (an entry not yet written: empty ones). */
  static Map<String, String> values(Entry entry, String prefix, String period, List<String> areas) {
    Map<String, String> out = new HashMap<>();
    out.put(prefix + "etag", entry == null ? "" : entry.getEtag());
    for (String area : areas) {
      Outturn o = entry == null ? null : entry.getOutturnsList().stream().filter(x -> area(x).equals(area))
          .findFirst().orElse(null);
      String k = prefix + area + ".";
      out.put(k + "figure", o == null ? "" : text(o.getFigure()));
      out.put(k + "status", o != null && o.getStatus() == OutturnStatus.OUTTURN_STATUS_FINAL ? FINAL : PROVISIONAL);
      out.put(k + "data-period", o == null || o.getDataPeriod().isEmpty() || o.getDataPeriod().equals(period) ? ""
          : Fmt.INSTANCE.period(o.getDataPeriod()));
      out.put(k + "note", o == null ? "" : o.getNote());
    }
    boolean narrated = entry != null && entry.hasNarrative();
    out.put(prefix + "achieved", narrated ? entry.getNarrative().getAchieved() : "");
    out.put(prefix + "next-steps", narrated ? entry.getNarrative().getNextSteps() : "");
    boolean judged = entry != null && entry.hasRecordedJudgement();
    out.put(prefix + "rating", judged ? RATINGS.entrySet().stream().filter(e -> e.getValue()
        == entry.getRecordedJudgement().getRating()).map(Map.Entry::getKey).findFirst().orElse("") : "");
    out.put(prefix + "reason", judged ? entry.getRecordedJudgement().getReason() : "");
    return out;
  }

  /** A figure as it was written: its text, else its number. */
  static String text(Figure f) {
    return !f.getOriginalText().isBlank() ? f.getOriginalText() : f.getValue().getValue();
  }

  private static String area(Outturn o) {
    return o.getArea().isEmpty() ? CITY : o.getArea().substring("areas/".length());
  }

  /**
   * What one indicator's part of a form asks of SaveEntry (its name and etag set; submit and validate_only left to
   * the caller): every figure typed ({@code everything}: a check), or only what differs from {@code current}, so that
   * sending a form again writes no second revision of what was saved; {@code outturnAreas} says which area each
   * outturn sent is, for placing the service's problems, and {@code problems} what the form itself refuses.
   */
  record Save(SaveEntryRequest.Builder request, List<String> outturnAreas, Map<String, String> problems) {

    /** Whether it asks to write nothing. */
    boolean empty() {
      return request.getOutturnsCount() == 0 && !request.hasNarrative() && !request.hasRecordedJudgement();
    }
  }

  static Save save(String entry, String prefix, List<String> areas, Map<String, String> typed,
      Map<String, String> current, boolean everything, boolean mayJudge) {
    var r = SaveEntryRequest.newBuilder().setName(entry).setEtag(typed.getOrDefault(prefix + "etag", ""));
    List<String> sent = new ArrayList<>();
    Map<String, String> problems = new HashMap<>();
    for (String area : areas) {
      String k = prefix + area + ".";
      String figure = get(typed, k + "figure").strip();
      boolean changed = Stream.of("figure", "status", "data-period", "note")
          .anyMatch(f -> !get(typed, k + f).strip().equals(get(current, k + f).strip()));
      String status = get(typed, k + "status");
      if (!status.equals(PROVISIONAL) && !status.equals(FINAL)) {
        problems.put(k + "status", "choose provisional or final");
      }
      if (figure.isEmpty()) {
        if (!get(current, k + "figure").isEmpty()) {
          problems.put(k + "figure", "an outturn entered is kept: enter the corrected figure rather than clearing it");
        }
        continue;
      }
      if (!everything && !changed) {
        continue;
      }
      var o = Outturn.newBuilder().setArea("areas/" + area).setFigure(Figure.newBuilder().setOriginalText(figure))
          .setStatus(status.equals(FINAL) ? OutturnStatus.OUTTURN_STATUS_FINAL : OutturnStatus.OUTTURN_STATUS_PROVISIONAL)
          .setNote(get(typed, k + "note").strip());
      String dataPeriod = get(typed, k + "data-period").strip();
      if (!dataPeriod.isEmpty()) {
        o.setDataPeriod(dataPeriod.startsWith("periods/") ? dataPeriod : "periods/" + dataPeriod);
      }
      r.addOutturns(o);
      sent.add(area);
    }
    String achieved = get(typed, prefix + "achieved");
    String next = get(typed, prefix + "next-steps");
    if ((!achieved.isBlank() || !next.isBlank()) && (everything || !achieved.equals(get(current, prefix + "achieved"))
        || !next.equals(get(current, prefix + "next-steps")))) {
      r.setNarrative(Narrative.newBuilder().setAchieved(achieved.strip()).setNextSteps(next.strip()));
    }
    String rating = get(typed, prefix + "rating");
    String reason = get(typed, prefix + "reason");
    if (mayJudge && !rating.isEmpty()) {
      Rating chosen = RATINGS.get(rating);
      if (chosen == null) {
        problems.put(prefix + "rating", "choose one of " + String.join(", ", RATINGS.keySet()));
      } else if (everything || !rating.equals(get(current, prefix + "rating"))
          || !reason.equals(get(current, prefix + "reason"))) {
        r.setRecordedJudgement(RecordedJudgement.newBuilder().setRating(chosen).setReason(reason.strip()));
      }
    }
    return new Save(r, sent, problems);
  }

  private static String get(Map<String, String> values, String key) {
    String v = values.get(key);
    return v == null ? "" : v;
  }

  /**
   * Each problem the service named placed at its input (key: the input's name), or, when it is about the return
   * as a whole ("name", "etag"), under the key "" with the field it names.
   */
  static Map<String, String> placed(List<FieldViolation> violations, String prefix, List<String> outturnAreas) {
    Map<String, String> out = new LinkedHashMap<>();
    for (FieldViolation v : violations) {
      String f = v.getField();
      Matcher m = OUTTURN_FIELD.matcher(f);
      String key;
      if (m.matches() && Integer.parseInt(m.group(1)) < outturnAreas.size()) {
        String part = switch (m.group(2)) {
          case "data_period" -> "data-period";
          case "status" -> "status";
          case "note" -> "note";
          default -> "figure";
        };
        key = prefix + outturnAreas.get(Integer.parseInt(m.group(1))) + "." + part;
      } else if (f.startsWith("narrative.next_steps")) {
        key = prefix + "next-steps";
      } else if (f.startsWith("narrative")) {
        key = prefix + "achieved";
      } else if (f.startsWith("recorded_judgement.reason")) {
        key = prefix + "reason";
      } else if (f.startsWith("recorded_judgement")) {
        key = prefix + "rating";
      } else {
        out.merge("", f + ": " + v.getDescription(), (a, b) -> a + "; " + b);
        continue;
      }
      out.merge(key, v.getDescription(), (a, b) -> a + "; " + b);
    }
    return out;
  }

  /** The form of one indicator's return with these values and problems (general ones under the key ""). */
  static EntryForm form(Indicator indicator, String prefix, List<String> areas, Map<String, String> values,
      Map<String, String> problems) {
    List<AreaForm> areaForms = areas.stream().map(a -> new AreaForm(a, Fmt.INSTANCE.area("areas/" + a),
        field(prefix, a + ".figure", values, problems), field(prefix, a + ".status", values, problems),
        field(prefix, a + ".data-period", values, problems), field(prefix, a + ".note", values, problems))).toList();
    List<String> general = problems.containsKey("") ? List.of(problems.get("")) : List.of();
    return new EntryForm(indicator, prefix, field(prefix, "etag", values, problems), areaForms,
        field(prefix, "achieved", values, problems), field(prefix, "next-steps", values, problems),
        field(prefix, "rating", values, problems), field(prefix, "reason", values, problems), general);
  }

  private static Field field(String prefix, String key, Map<String, String> values, Map<String, String> problems) {
    String name = prefix + key;
    return new Field(name, name.replace('.', '-'), get(values, name), get(problems, name));
  }

  /** The ratings a judgement may record, as the form offers them. */
  static Map<String, Rating> ratings() {
    return RATINGS;
  }
}
