package io.k8tre.portal.audit;

import java.io.PrintWriter;
import java.util.List;

/**
 * Audit events as CSV (RFC 4180 quoting). A cell that a spreadsheet would run as a formula ({@code
 * = + - @} first) is prefixed with an apostrophe: names and reasons come from outside.
 */
final class AuditCsv {

  private AuditCsv() {}

  static void write(List<AuditEvent> events, PrintWriter out) {
    out.print(
        "time,kind,user,project,app,outcome,reason,request_id,client_address,count,actor\r\n");
    for (AuditEvent e : events) {
      out.print(
          String.join(
                  ",",
                  cell(e.at().toString()),
                  cell(e.kind()),
                  cell(e.user()),
                  cell(e.project()),
                  cell(e.app()),
                  cell(e.outcome()),
                  cell(e.reason()),
                  cell(e.requestId()),
                  cell(e.clientAddress()),
                  Long.toString(e.count()),
                  cell(e.actor()))
              + "\r\n");
    }
    out.flush();
  }

  static String cell(String value) {
    if (value == null) {
      return "";
    }
    String safe = value;
    if (!safe.isEmpty() && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0) {
      safe = "'" + safe;
    }
    // ';' too: spreadsheets in many locales split on it, and a cell after it could start with '='.
    if (safe.contains(",")
        || safe.contains(";")
        || safe.contains("\"")
        || safe.contains("\n")
        || safe.contains("\r")) {
      return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
    return safe;
  }
}
