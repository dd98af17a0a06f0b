package org.laasuite.reporting.render;

import com.google.protobuf.Timestamp;
import com.google.type.Date;
import com.google.type.Decimal;
import com.google.type.Money;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.laasuite.common.grpc.Moneys;
import org.laasuite.common.grpc.ProtoEnums;
import org.laasuite.indicators.v1.Direction;
import org.laasuite.indicators.v1.Figure;
import org.laasuite.indicators.v1.FigureStatus;
import org.laasuite.indicators.v1.GapDirection;
import org.laasuite.indicators.v1.OutturnStatus;
import org.laasuite.indicators.v1.PublicationState;
import org.laasuite.indicators.v1.Rating;
import org.laasuite.partnership.v1.Action;
import org.laasuite.partnership.v1.ResponsiblePerson;
import org.laasuite.reporting.v1.IndicatorLine;
import org.laasuite.reporting.v1.ThemeGroup;
import org.laasuite.type.v1.LaaBlock;

/** How the pages word and format the model: what templates call as {@code fmt}. */
public final class Fmt {

  public static final Fmt INSTANCE = new Fmt();
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK);

  private Fmt() {
  }

  public String decimal(Decimal d) {
    return d == null || d.getValue().isEmpty() ? "–" : d.getValue();
  }

  /** A target or outturn as the partnership would print it. */
  public String figure(Figure f) {
    if (f == null) {
      return "–";
    }
    if (f.getStatus() == FigureStatus.FIGURE_STATUS_VALUE && !f.getValue().getValue().isEmpty()) {
      String prefix = switch (f.getComparator()) {
        case COMPARATOR_LESS_THAN -> "< ";
        case COMPARATOR_AT_MOST -> "≤ ";
        case COMPARATOR_MORE_THAN -> "> ";
        case COMPARATOR_AT_LEAST -> "≥ ";
        default -> "";
      };
      return prefix + f.getValue().getValue();
    }
    if (!f.getOriginalText().isBlank()) {
      return f.getOriginalText();
    }
    return switch (f.getStatus()) {
      case FIGURE_STATUS_MONITOR_ONLY -> "monitor only";
      case FIGURE_STATUS_TO_BE_SET -> "to be set";
      case FIGURE_STATUS_NOT_AVAILABLE -> "not available";
      case FIGURE_STATUS_NOT_APPLICABLE -> "n/a";
      case FIGURE_STATUS_NO_TARGET -> "no target";
      default -> "–";
    };
  }

  /** "periods/2006-07" -> "2006-07". */
  public String period(String name) {
    return name == null || name.isEmpty() ? "–" : name.substring(name.indexOf('/') + 1);
  }

  /** "areas/priority-neighbourhoods" -> "Priority neighbourhoods". */
  public String area(String name) {
    return words(name);
  }

  /** An action owner by its id, title-cased: "people/sara-roach" -> "Sara Roach". */
  public String owner(String name) {
    if (name == null || name.isEmpty()) {
      return "–";
    }
    String id = name.substring(name.indexOf('/') + 1);
    StringBuilder out = new StringBuilder();
    for (String w : id.split("-")) {
      if (!w.isEmpty()) {
        out.append(out.isEmpty() ? "" : " ").append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
      }
    }
    return out.toString();
  }

  /** {@code text} cut at a word before {@code limit} characters, with an ellipsis, when longer. */
  public String clip(String text, int limit) {
    if (text == null || text.length() <= limit) {
      return text;
    }
    int cut = text.lastIndexOf(' ', limit - 1);
    return text.substring(0, cut > limit / 2 ? cut : limit - 1).stripTrailing() + "…";
  }

  /** "Helen to present outcome on street cleanliness (Helen Shankster, in June)". */
  public String action(Action a) {
    String due = !a.getDueText().isEmpty() ? a.getDueText() : date(a.getDueDate());
    return a.getText() + " (" + owner(a.getOwner()) + (due.isEmpty() ? "" : ", " + due) + ")";
  }

  /** A line's theme group by its title, or by its id when the partnership service did not give one. */
  public String themeGroup(IndicatorLine l) {
    return titled(l.getThemeGroupTitle(), l.getThemeGroup());
  }

  /** A theme group by its title, or by its id when the partnership service does not know it. */
  public String themeGroup(ThemeGroup g) {
    return titled(g.getTitle(), g.getName());
  }

  private String titled(String title, String name) {
    return !title.isEmpty() ? title : owner(name);
  }

  /** The theme groups that hold open actions. */
  public java.util.List<ThemeGroup> withOpenActions(java.util.List<ThemeGroup> groups) {
    return groups.stream().filter(g -> g.getOpenActionsCount() > 0).toList();
  }

  public String person(ResponsiblePerson p) {
    return p.getPerson().getDisplayName() + " (" + words("x/" + ProtoEnums.slug(p.getRole())) + ")";
  }

  public String money(Money m) {
    if (m == null || m.getCurrencyCode().isEmpty()) {
      return "–";
    }
    long pence = m.getUnits() * 100 + m.getNanos() / 10_000_000;
    return Moneys.format(pence);
  }

  public String rating(Rating r) {
    return switch (r) {
      case RATING_RED -> "Red";
      case RATING_AMBER -> "Amber";
      case RATING_GREEN -> "Green";
      case RATING_TOO_EARLY_TO_ASSESS -> "Too early to assess";
      default -> "Not judged";
    };
  }

  /** The CSS class of a rating. */
  public String rag(Rating r) {
    return switch (r) {
      case RATING_RED -> "red";
      case RATING_AMBER -> "amber";
      case RATING_GREEN -> "green";
      default -> "none";
    };
  }

  public String trend(Direction d) {
    return switch (d) {
      case DIRECTION_IMPROVING -> "Improving";
      case DIRECTION_WORSENING -> "Worsening";
      case DIRECTION_NO_CHANGE -> "No change";
      default -> "Not known";
    };
  }

  public String gap(GapDirection d) {
    return switch (d) {
      case GAP_DIRECTION_NARROWING -> "Narrowing";
      case GAP_DIRECTION_WIDENING -> "Widening";
      case GAP_DIRECTION_UNCHANGED -> "Unchanged";
      default -> "Not known";
    };
  }

  /** Where a figure or an action stands, in a word or two. */
  public String due(org.laasuite.reporting.v1.DueState s) {
    return switch (s) {
      case DUE_STATE_OVERDUE -> "Overdue";
      case DUE_STATE_DUE -> "Due";
      case DUE_STATE_UPCOMING -> "Next";
      case DUE_STATE_DONE -> "Done";
      case DUE_STATE_UNDATED -> "No due date";
      default -> "–";
    };
  }

  /** The CSS class of where a figure or an action stands: overdue red, due amber, the rest grey. */
  public String dueClass(org.laasuite.reporting.v1.DueState s) {
    return switch (s) {
      case DUE_STATE_OVERDUE -> "red";
      case DUE_STATE_DUE -> "amber";
      default -> "none";
    };
  }

  /** Where a return stands, in words: "Draft", "Submitted", "Approved", "Published", "Returned". */
  public String state(PublicationState s) {
    return switch (s) {
      case PUBLICATION_STATE_DRAFT -> "Draft";
      case PUBLICATION_STATE_SUBMITTED -> "Submitted";
      case PUBLICATION_STATE_APPROVED -> "Approved";
      case PUBLICATION_STATE_PUBLISHED -> "Published";
      case PUBLICATION_STATE_RETURNED -> "Returned";
      default -> "Not started";
    };
  }

  /** "provisional" or "final"; empty when the figure does not say. */
  public String outturnStatus(OutturnStatus s) {
    return switch (s) {
      case OUTTURN_STATUS_PROVISIONAL -> "provisional";
      case OUTTURN_STATUS_FINAL -> "final";
      default -> "";
    };
  }

  public String date(Date d) {
    return d == null || d.getYear() == 0 ? "" : String.format("%d-%02d-%02d", d.getYear(), d.getMonth(), d.getDay());
  }

  public String when(Timestamp t) {
    return t == null || t.getSeconds() == 0 ? "" : WHEN.format(Instant.ofEpochSecond(t.getSeconds())
        .atZone(ZoneId.systemDefault()));
  }

  /** "pooled" or "aligned", as Annex 3 sorts a stream. */
  public String arrangement(org.laasuite.funding.v1.Arrangement a) {
    return a == org.laasuite.funding.v1.Arrangement.ARRANGEMENT_ALIGNED ? "aligned" : "pooled";
  }

  /** A stream's allocation for the year: the sum, and "not yet quantified" when (part of) it is not. */
  public String allocated(org.laasuite.funding.v1.SpendLine l) {
    return l.getAllocationUnquantified() && org.laasuite.reporting.assembly.MoneyBehind.pence(l.getAllocated()) == 0
        ? "not yet quantified" : money(l.getAllocated()) + (l.getAllocationUnquantified() ? " and more not yet quantified"
        : "");
  }

  /** A commitment's line: its stream, amount for the year, what is spent of it and when its funding ends. */
  public String supporting(org.laasuite.funding.v1.SupportingCommitment f) {
    return (f.getFundingStreamDisplayName().isEmpty() ? "" : " (" + f.getFundingStreamDisplayName() + ")") + ": "
        + (f.getAmount().hasMoney() ? money(f.getAmount().getMoney())
            : f.getAmount().getStatus() == org.laasuite.funding.v1.AmountStatus.AMOUNT_STATUS_NOT_YET_QUANTIFIED
            ? "not yet quantified" : f.getAmount().getOriginalText().isEmpty() ? "amount not recorded"
            : f.getAmount().getOriginalText())
        + (f.hasSpent() ? ", " + money(f.getSpent()) + " spent" : "")
        + (f.getCommitment().hasEndDate() ? ", funded until " + date(f.getCommitment().getEndDate()) : "");
  }

  /** "2007-08-22, Leaders &amp; Advisors group: minuted a decision". */
  public String discussed(org.laasuite.reporting.v1.LastDiscussed d) {
    return date(d.getDate()) + ", " + owner(d.getBody()) + ": " + d.getWhat();
  }

  public String blockTitle(LaaBlock b) {
    return org.laasuite.reporting.assembly.Blocks.title(b);
  }

  private static String words(String name) {
    if (name == null || name.isEmpty()) {
      return "–";
    }
    String w = name.substring(name.indexOf('/') + 1).replace('-', ' ');
    return w.isEmpty() ? "–" : Character.toUpperCase(w.charAt(0)) + w.substring(1);
  }
}
