package io.k8tre.portal.audit;

import io.k8tre.portal.config.PortalProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Audit storage follows the session store: PostgreSQL in production, memory in the demo. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditProperties.class)
class AuditConfiguration {

  @Bean
  AuditStore auditStore(PortalProperties portal, ObjectProvider<JdbcTemplate> jdbc) {
    return portal.session().store() == PortalProperties.Store.JDBC
        ? new JdbcAuditStore(jdbc.getObject())
        : new MemoryAuditStore();
  }

  @Bean
  BufferedAuditLog auditLog(AuditStore store, AuditProperties settings, MeterRegistry meters) {
    // A size below 1 is reported by AuditSettingsRule with the other settings problems.
    return new BufferedAuditLog(
        store, Math.max(1, settings.bufferSize()), meters, settings.enabled());
  }

  @Bean
  MembershipAudit membershipAudit(
      PortalProperties portal,
      AuditProperties settings,
      AuditStore store,
      ObjectProvider<JdbcTemplate> jdbc,
      ObjectProvider<PlatformTransactionManager> transactions,
      Clock clock) {
    return new MembershipAudit(
        portal.session().store() == PortalProperties.Store.JDBC
            ? new JdbcMembershipLedger(
                jdbc.getObject(), new TransactionTemplate(transactions.getObject()), store)
            : new MemoryMembershipLedger(store),
        clock,
        settings.enabled());
  }

  @Bean
  AccessFolding accessFolding(AuditLog audit, Clock clock) {
    return new AccessFolding(audit, clock);
  }
}
