package org.laasuite.funding.importer;

import com.google.protobuf.ByteString;
import com.google.type.Decimal;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.laasuite.common.FinancialYear;
import org.laasuite.common.audit.AuditLog;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.common.grpc.ImportFiles;
import org.laasuite.common.grpc.Moneys;
import org.laasuite.common.grpc.ProtoEnums;
import org.laasuite.common.grpc.Protos;
import org.laasuite.common.grpc.ResourceNames;
import org.laasuite.common.grpc.Violations;
import org.laasuite.funding.AmountMapper;
import org.laasuite.funding.AmountValue;
import org.laasuite.funding.commitment.CommitmentMapper;
import org.laasuite.funding.commitment.CommitmentService;
import org.laasuite.funding.lpsa.LpsaTargetMapper;
import org.laasuite.funding.lpsa.LpsaTargetRow;
import org.laasuite.funding.lpsa.LpsaTargetService;
import org.laasuite.funding.stream.AllocationRepository;
import org.laasuite.funding.stream.AllocationRow;
import org.laasuite.funding.stream.FundingStreamMapper;
import org.laasuite.funding.stream.FundingStreamRepository;
import org.laasuite.funding.stream.FundingStreamRow;
import org.laasuite.funding.v1.Arrangement;
import org.laasuite.funding.v1.Commitment;
import org.laasuite.funding.v1.CommitmentKind;
import org.laasuite.funding.v1.FundingStream;
import org.laasuite.funding.v1.ImportFundingRequest;
import org.laasuite.funding.v1.ImportFundingResponse;
import org.laasuite.funding.v1.LpsaTarget;
import org.laasuite.funding.v1.YearAmount;
import org.laasuite.type.v1.ImportProblem;
import org.laasuite.type.v1.LaaBlock;

/**
 * Loads the agreement's funding table, the commitments recorded in minutes and the LPSA stretch targets
 * (docs/data-formats.md).
 * Both files are checked whole first; then everything is written in one transaction, or nothing.
 */
@Singleton
public class FundingImporter {

  static final String STREAMS = "funding-streams.csv";
  static final String COMMITMENTS = "commitments.csv";
  static final String LPSA_TARGETS = "lpsa-targets.csv";
  static final List<String> LPSA_COLUMNS = List.of("id", "indicator", "lpsa_target", "stretch_target",
      "stretch_target_text", "reward_grant", "expected_without_stretch", "threshold", "source", "note");
  static final List<String> STREAM_COLUMNS = List.of("arrangement", "block", "heading", "stream",
      "previously_pooled", "capital", "revenue", "note");
  static final List<String> COMMITMENT_COLUMNS = List.of("code", "title", "kind", "programme", "funding_stream",
      "posts", "start_date", "end_date", "amount", "supports_bodies", "supports_indicators", "source", "quote");
  static final Map<LaaBlock, String> ABBREVIATIONS = Map.of(LaaBlock.LAA_BLOCK_CHILDREN_AND_YOUNG_PEOPLE, "cyp",
      LaaBlock.LAA_BLOCK_SAFER_AND_STRONGER_COMMUNITIES, "ssc", LaaBlock.LAA_BLOCK_HEALTHIER_COMMUNITIES_AND_OLDER_PEOPLE, "hcop",
      LaaBlock.LAA_BLOCK_ECONOMIC_DEVELOPMENT_AND_ENTERPRISE, "ede");

  private final FundingStreamRepository streams;
  private final AllocationRepository allocations;
  private final CommitmentService commitments;
  private final LpsaTargetService lpsaTargets;
  private final TransactionOperations<?> tx;
  private final AuditLog audit;

  public FundingImporter(FundingStreamRepository streams, AllocationRepository allocations,
      CommitmentService commitments, LpsaTargetService lpsaTargets, TransactionOperations<?> tx, AuditLog audit) {
    this.lpsaTargets = lpsaTargets;
    this.streams = streams;
    this.allocations = allocations;
    this.commitments = commitments;
    this.tx = tx;
    this.audit = audit;
  }

  record StreamLine(FundingStreamRow stream, AmountValue capital, AmountValue revenue, String note) {
  }

  public ImportFundingResponse importFiles(ImportFundingRequest request) {
    List<ImportProblem> problems = new ArrayList<>();
    Violations yv = new Violations();
    FinancialYear year = FinancialYear.parse(request.getFinancialYear(), "financial_year", yv);
    yv.list().forEach(fv -> problems.add(problem("", 0, "financial_year", fv.getDescription())));
    String yearColumn = year == null ? "" : "_" + year.toString().replace('-', '_');
    List<StreamLine> rows = year == null ? List.of() : readStreams(request.getStreamsCsv(), yearColumn, problems);
    Set<String> streamIds = new HashSet<>();
    rows.forEach(r -> streamIds.add(r.stream().code()));
    List<Commitment> cs = year == null || request.getCommitmentsCsv().isEmpty() ? List.of()
        : readCommitments(request.getCommitmentsCsv(), yearColumn, year, streamIds, problems);
    List<LpsaTargetRow> targets = request.getLpsaTargetsCsv().isEmpty() ? List.of()
        : readLpsaTargets(request.getLpsaTargetsCsv(), problems);
    var response = ImportFundingResponse.newBuilder().setFundingStreams(rows.size()).setAllocations(rows.size())
        .setCommitments(cs.size()).setLpsaTargets(targets.size());
    if (!problems.isEmpty() || request.getValidateOnly() || rows.isEmpty() && cs.isEmpty()) {
      return response.addAllProblems(problems).setWritten(false).build();
    }
    List<ImportProblem> late = new ArrayList<>();
    boolean written = tx.executeWrite(status -> {
      List<FundingStreamRow> saved = List.copyOf(streams.saveAll(rows.stream().map(StreamLine::stream).toList()));
      List<AllocationRow> as = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        as.add(AllocationRow.of(saved.get(i).id(), year.toString(), rows.get(i).capital(), rows.get(i).revenue(),
            rows.get(i).note()));
      }
      allocations.saveAll(as);
      lpsaTargets.saveAll(targets);
      for (int i = 0; i < cs.size(); i++) {
        try {
          Violations v = new Violations();
          var draft = CommitmentMapper.fromProto(cs.get(i), "commitment.", v);
          v.throwIfAny();
          // an import's id taken is a problem; the import is one audit event, not one per commitment
          audit.importing(() -> commitments.create(draft, false, asked -> stored -> false));
        } catch (ApiException e) {
          late.add(problem(COMMITMENTS, i + 2, "", e.getMessage()));
        }
      }
      if (!late.isEmpty()) {
        status.setRollbackOnly();
        return false;
      }
      audit.record(AuditLog.IMPORT, ResourceNames.FUNDING_STREAMS.path(), null, response.clone().setWritten(true)
          .build());
      return true;
    });
    return response.addAllProblems(late).setWritten(written).build();
  }

  private List<StreamLine> readStreams(ByteString content, String yearColumn, List<ImportProblem> problems) {
    List<StreamLine> out = new ArrayList<>();
    List<CSVRecord> records = parse(STREAMS, content, List.of("arrangement", "block", "heading", "stream",
        "previously_pooled", "capital" + yearColumn, "revenue" + yearColumn, "note"), problems);
    Set<String> ids = new HashSet<>();
    for (CSVRecord rec : records) {
      int line = (int) rec.getRecordNumber() + 1;
      int before = problems.size();
      Arrangement arrangement = ProtoEnums.parse(Arrangement.class, rec.get("arrangement")).orElse(null);
      LaaBlock block = ProtoEnums.parse(LaaBlock.class, rec.get("block")).orElse(null);
      if (arrangement == null || arrangement == Arrangement.ARRANGEMENT_UNSPECIFIED) {
        problems.add(problem(STREAMS, line, "arrangement", "'" + rec.get("arrangement")
            + "' is not AUTOMATICALLY_POOLED, OTHER_POOLED or ALIGNED"));
      }
      if (block == null || block == LaaBlock.LAA_BLOCK_UNSPECIFIED) {
        problems.add(problem(STREAMS, line, "block", "'" + rec.get("block") + "' is not an LAA block"));
      }
      String pp = rec.get("previously_pooled").strip();
      if (!pp.equals("Y") && !pp.equals("N")) {
        problems.add(problem(STREAMS, line, "previously_pooled", "must be Y or N, not '" + pp + "'"));
      }
      Violations v = new Violations();
      AmountValue capital = AmountValue.parse(rec.get("capital" + yearColumn), "capital" + yearColumn, v);
      AmountValue revenue = AmountValue.parse(rec.get("revenue" + yearColumn), "revenue" + yearColumn, v);
      v.list().forEach(fv -> problems.add(problem(STREAMS, line, fv.getField(), fv.getDescription())));
      if (capital == null && revenue == null && v.isEmpty()) {
        problems.add(problem(STREAMS, line, "revenue" + yearColumn, "the line has no capital and no revenue"));
      }
      if (problems.size() > before) {
        continue;
      }
      String title = rec.get("stream").strip();
      String id = title.isEmpty()
          ? "unnamed-" + ProtoEnums.slug(arrangement) + "-" + ABBREVIATIONS.get(block)
              + "-line-" + line
          : slug(title) + "-" + ABBREVIATIONS.get(block);
      if (!ids.add(id) || streams.existsByCode(id)) {
        problems.add(problem(STREAMS, line, "stream", ResourceNames.FUNDING_STREAMS.name(id) + " is already "
            + (streams.existsByCode(id) ? "loaded" : "in the file")));
        continue;
      }
      var proto = FundingStream.newBuilder().setId(id).setTitle(title)
          .setProgramme(programme(title)).setBlock(block).setArrangement(arrangement)
          .setPreviouslyPooled(pp.equals("Y")).setHeading(rec.get("heading").strip()).setNote(rec.get("note").strip())
          .build();
      Violations sv = new Violations();
      FundingStreamRow s = FundingStreamMapper.fromProto(proto, "", sv);
      sv.list().forEach(fv -> problems.add(problem(STREAMS, line, fv.getField(), fv.getDescription())));
      if (sv.isEmpty()) {
        out.add(new StreamLine(s.withPosition(line), capital, revenue, ""));
      }
    }
    return out;
  }

  private List<Commitment> readCommitments(ByteString content, String yearColumn, FinancialYear year,
      Set<String> streamsInFile, List<ImportProblem> problems) {
    List<Commitment> out = new ArrayList<>();
    List<String> columns = new ArrayList<>(COMMITMENT_COLUMNS);
    columns.set(columns.indexOf("amount"), "amount" + yearColumn);
    for (CSVRecord rec : parse(COMMITMENTS, content, columns, problems)) {
      int line = (int) rec.getRecordNumber() + 1;
      int before = problems.size();
      CommitmentKind kind = ProtoEnums.parse(CommitmentKind.class, rec.get("kind")).orElse(null);
      if (kind == null || kind == CommitmentKind.COMMITMENT_KIND_UNSPECIFIED) {
        problems.add(problem(COMMITMENTS, line, "kind", "must be PROJECT, POST, THEME_GROUP_WORK or OTHER"));
      }
      var c = Commitment.newBuilder().setId(rec.get("code").strip()).setTitle(rec.get("title").strip())
          .setProgramme(rec.get("programme").strip()).setSource(rec.get("source").strip())
          .setNote(rec.get("quote").isBlank() ? "" : "\u201c" + rec.get("quote").strip() + "\u201d");
      if (kind != null) {
        c.setKind(kind);
      }
      String stream = rec.get("funding_stream").strip();
      if (!stream.isEmpty()) {
        String id = stream.startsWith("fundingStreams/") ? stream.substring(15) : stream;
        if (!streamsInFile.contains(id) && !streams.existsByCode(id)) {
          problems.add(problem(COMMITMENTS, line, "funding_stream",
              ResourceNames.FUNDING_STREAMS.name(id) + " does not exist"));
        }
        c.setFundingStream(ResourceNames.FUNDING_STREAMS.name(id));
      }
      try {
        c.setPosts(rec.get("posts").isBlank() ? 0 : Integer.parseInt(rec.get("posts").strip()));
      } catch (NumberFormatException e) {
        problems.add(problem(COMMITMENTS, line, "posts", "must be a whole number"));
      }
      for (String column : List.of("start_date", "end_date")) {
        String text = rec.get(column).strip();
        if (!text.isEmpty()) {
          try {
            LocalDate d = LocalDate.parse(text);
            if (column.equals("start_date")) {
              c.setStartDate(Protos.date(d));
            } else {
              c.setEndDate(Protos.date(d));
            }
          } catch (DateTimeParseException e) {
            problems.add(problem(COMMITMENTS, line, column, "must be a date like 2008-03-31, not '" + text + "'"));
          }
        }
      }
      Violations v = new Violations();
      AmountValue amount = AmountValue.parse(rec.get("amount" + yearColumn), "amount" + yearColumn, v);
      v.list().forEach(fv -> problems.add(problem(COMMITMENTS, line, fv.getField(), fv.getDescription())));
      if (amount != null) {
        c.addAmounts(YearAmount.newBuilder().setFinancialYear(year.toString()).setAmount(AmountMapper.toProto(amount)));
      }
      // Optional column: the organisation paid, when the source names it ("organisations/{id}" or its id).
      String recipient = rec.isMapped("recipient") ? rec.get("recipient").strip() : "";
      if (!recipient.isEmpty()) {
        c.setRecipient(recipient.startsWith("organisations/") ? recipient : ResourceNames.ORGANISATIONS.name(recipient));
      }
      for (String r : split(rec.get("supports_bodies"))) {
        c.addSupportsBodies(r);
      }
      for (String r : split(rec.get("supports_indicators"))) {
        c.addSupportsIndicators(r);
      }
      if (problems.size() == before) {
        out.add(c.build());
      }
    }
    return out;
  }

  /** The LPSA stretch targets, each checked as CreateLpsaTarget checks one; ids new to the service and the file. */
  private List<LpsaTargetRow> readLpsaTargets(ByteString content, List<ImportProblem> problems) {
    List<LpsaTargetRow> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (CSVRecord rec : parse(LPSA_TARGETS, content, LPSA_COLUMNS, problems)) {
      int line = (int) rec.getRecordNumber() + 1;
      int before = problems.size();
      String indicator = rec.get("indicator").strip();
      var t = LpsaTarget.newBuilder().setId(rec.get("id").strip())
          .setIndicator(indicator.isEmpty() || indicator.startsWith("indicators/") ? indicator
              : ResourceNames.INDICATORS.name(indicator))
          .setLpsaTarget(rec.get("lpsa_target").strip()).setStretchTargetText(rec.get("stretch_target_text").strip())
          .setSource(rec.get("source").strip()).setNote(rec.get("note").strip());
      for (String column : List.of("stretch_target", "expected_without_stretch", "threshold")) {
        String text = rec.get(column).strip();
        if (!text.isEmpty()) {
          Decimal d = Decimal.newBuilder().setValue(text).build();
          switch (column) {
            case "stretch_target" -> t.setStretchTarget(d);
            case "expected_without_stretch" -> t.setExpectedWithoutStretch(d);
            default -> t.setThreshold(d);
          }
        }
      }
      String grant = rec.get("reward_grant").strip();
      if (!grant.isEmpty()) {
        try {
          BigDecimal pounds = new BigDecimal(grant.replace(",", ""));
          if (pounds.signum() < 0 || pounds.stripTrailingZeros().scale() > 2 || pounds.compareTo(TRILLION) > 0) {
            throw new NumberFormatException();
          }
          t.setRewardGrant(Moneys.gbp(pounds.movePointRight(2).longValueExact()));
        } catch (NumberFormatException | ArithmeticException e) {
          problems.add(problem(LPSA_TARGETS, line, "reward_grant", "must be an amount in pounds like '200,000' or "
              + "'1250.50' (empty when the grant is not recorded), not '" + Protos.clip(grant) + "'"));
        }
      }
      Violations v = new Violations();
      LpsaTargetRow row = LpsaTargetMapper.fromProto(t.build(), "", v);
      v.list().forEach(fv -> problems.add(problem(LPSA_TARGETS, line, fv.getField(), fv.getDescription())));
      String id = t.getId();
      if (v.isEmpty() && (!ids.add(id) || lpsaTargets.exists(id))) {
        problems.add(problem(LPSA_TARGETS, line, "id", ResourceNames.LPSA_TARGETS.name(id) + " is already "
            + (lpsaTargets.exists(id) ? "loaded" : "in the file")));
      }
      if (problems.size() == before) {
        out.add(row);
      }
    }
    return out;
  }

  private static final BigDecimal TRILLION = new BigDecimal("1000000000000");

  private static List<String> split(String cell) {
    return cell.isBlank() ? List.of() : List.of(cell.strip().split("\\s*;\\s*"));
  }

  private static List<CSVRecord> parse(String file, ByteString content, List<String> required,
      List<ImportProblem> problems) {
    String text = ImportFiles.text(file, content, problems);
    if (text == null) {
      return List.of();
    }
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
    long lastLine = 1;
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
      List<String> missing = required.stream().filter(c -> !parser.getHeaderMap().containsKey(c)).toList();
      if (!missing.isEmpty()) {
        problems.add(problem(file, 1, "", "missing columns: " + String.join(", ", missing)));
        return List.of();
      }
      List<CSVRecord> records = new ArrayList<>();
      for (CSVRecord r : parser) {
        lastLine = r.getRecordNumber() + 1;
        if (r.isConsistent()) {
          records.add(r);
        } else {
          problems.add(problem(file, (int) r.getRecordNumber() + 1, "", "has " + r.size() + " fields; the header has "
              + parser.getHeaderMap().size()));
        }
      }
      return records;
    } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
      problems.add(ImportFiles.csvFailure(file, e, lastLine + 1));
      return List.of();
    }
  }

  /** The programme a stream's name states; empty when it does not say (never guessed). */
  static String programme(String title) {
    String t = title.toLowerCase(Locale.ROOT);
    if (t.contains("neighbourhood renewal fund")) {
      return "NRF";
    }
    if (t.equals("legi")) {
      return "LEGI";
    }
    if (t.contains("sure start")) {
      return "Sure Start";
    }
    if (t.contains("children's fund")) {
      return "Children's Fund";
    }
    return "";
  }

  static String slug(String title) {
    String s = title.toLowerCase(Locale.ROOT).replace("&", " and ").replace("'", "")
        .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    return s.length() > 80 ? s.substring(0, 80).replaceAll("-+$", "") : s;
  }


  private static ImportProblem problem(String file, int line, String column, String description) {
    return ImportProblem.newBuilder().setFile(file).setLine(line).setColumn(column).setDescription(description)
        .build();
  }
}
