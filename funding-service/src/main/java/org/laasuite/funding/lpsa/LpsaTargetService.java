package org.laasuite.funding.lpsa;

import io.grpc.Status;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.function.Predicate;
import org.laasuite.common.audit.AuditLog;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.common.grpc.Pages;

/** The LPSA stretch targets: what the reward forecast feeds the rule (docs/lpsa-reward.md). */
@Singleton
public class LpsaTargetService {

  private final LpsaTargetRepository targets;
  private final AuditLog audit;

  public LpsaTargetService(LpsaTargetRepository targets, AuditLog audit) {
    this.targets = targets;
    this.audit = audit;
  }

  /**
   * Saves {@code candidate}; if its id is taken, answers the stored one when {@code sameAsAsked} says it is what was
   * asked for (a retried create), and ALREADY_EXISTS otherwise.
   */
  @Transactional
  public LpsaTargetRow create(LpsaTargetRow candidate, Predicate<LpsaTargetRow> sameAsAsked) {
    var existing = targets.findByCode(candidate.code());
    if (existing.isPresent() && sameAsAsked.test(existing.get())) {
      return existing.get();
    }
    if (existing.isPresent()) {
      throw ApiException.withField(Status.Code.ALREADY_EXISTS, "LPSA_TARGET_ALREADY_EXISTS",
          candidate.name() + " already exists", "lpsa_target.id");
    }
    LpsaTargetRow saved = targets.save(candidate);
    audit.record(AuditLog.CREATE, saved.name(), null, LpsaTargetMapper.toProto(saved));
    return saved;
  }

  /** Saves the importer's targets, checked already, in the import's transaction (one audit event for the import). */
  public void saveAll(List<LpsaTargetRow> rows) {
    targets.saveAll(rows);
  }

  public boolean exists(String code) {
    return targets.existsByCode(code);
  }

  /** A page of the targets, by indicator then id. */
  public Pages.Slice<LpsaTargetRow> list(Pages.Page page) {
    return page.slice(targets.page(page.size(), page.offset()));
  }
}
