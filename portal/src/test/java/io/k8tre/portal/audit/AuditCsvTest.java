package io.k8tre.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditCsvTest {

  @Test
  void cellWhenSpreadsheetFormulaThenNeutralised() {
    assertThat(AuditCsv.cell("=HYPERLINK(\"http://evil\")"))
        .isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\"");
    assertThat(AuditCsv.cell("+1")).isEqualTo("'+1");
    assertThat(AuditCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
  }

  @Test
  void writeQuotesCommasAndQuotesAndEventsHoldNoNewlines() {
    StringWriter out = new StringWriter();
    AuditEvent event =
        new AuditEvent(
            Instant.parse("2026-12-01T10:00:00Z"),
            "gateway.deny",
            "a,b",
            "p",
            "x\"y\nz",
            "deny",
            "r",
            "id",
            "10.0.0.1",
            3);

    AuditCsv.write(List.of(event), new PrintWriter(out));

    assertThat(out.toString())
        .isEqualTo(
            "time,kind,user,project,app,outcome,reason,request_id,client_address,count,actor\r\n"
                + "2026-12-01T10:00:00Z,gateway.deny,\"a,b\",p,\"x\"\"y?z\",deny,r,id,10.0.0.1,3,\r\n");
  }
}
