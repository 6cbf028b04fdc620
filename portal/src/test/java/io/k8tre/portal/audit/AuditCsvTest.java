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

  @Test
  void cellWhenSemicolonThenQuotedSoNoCellAfterItStartsAFormula() {
    assertThat(AuditCsv.cell("x;=1+cmd|calc")).isEqualTo("\"x;=1+cmd|calc\"");
  }

  @Test
  void eventWhenBidiOverrideOrLineSeparatorThenReplaced() {
    AuditEvent event =
        new AuditEvent(
            Instant.parse("2026-12-01T10:00:00Z"),
            "login",
            "ana\u202Etxt.exe",
            "p\u2028q",
            "a\u2029b",
            "ok",
            "r\u200Bs",
            null,
            null,
            1);

    assertThat(event.user()).isEqualTo("ana?txt.exe");
    assertThat(event.project()).isEqualTo("p?q");
    assertThat(event.app()).isEqualTo("a?b");
    assertThat(event.reason()).isEqualTo("r?s");
  }

  @Test
  void eventWhenLettersOutsideAsciiThenKept() {
    AuditEvent event =
        new AuditEvent(
            Instant.parse("2026-12-01T10:00:00Z"),
            "login",
            "zoë-日本",
            "p",
            null,
            "ok",
            "r",
            null,
            null,
            1);

    assertThat(event.user()).isEqualTo("zoë-日本");
  }
}
