package io.k8tre.portal.audit;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Closes the folding interval of the gateway's allows and applies the retention. */
@Component
class AuditMaintenance {

  private static final Logger log = LoggerFactory.getLogger(AuditMaintenance.class);

  private final AuditStore store;
  private final AccessFolding folding;
  private final AuditProperties settings;

  AuditMaintenance(AuditStore store, AccessFolding folding, AuditProperties settings) {
    this.store = store;
    this.folding = folding;
    this.settings = settings;
  }

  @Scheduled(fixedRateString = "${portal.audit.fold-interval:5m}")
  void closeFoldingInterval() {
    folding.closeInterval();
  }

  @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
  void applyRetention() {
    try {
      int deleted = store.deleteBefore(Instant.now().minus(settings.retention()));
      if (deleted > 0) {
        log.info("Audit retention applied: deleted={} retention={}", deleted, settings.retention());
      }
    } catch (RuntimeException e) {
      log.warn("Audit retention not applied: error={}", e.getClass().getSimpleName());
    }
  }
}
