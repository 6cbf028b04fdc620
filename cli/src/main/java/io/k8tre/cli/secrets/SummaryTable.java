package io.k8tre.cli.secrets;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Prints the outcomes as an aligned table. Values appear only as origin and length. */
final class SummaryTable {

  private SummaryTable() {}

  static void print(PrintWriter out, List<Outcome> outcomes, boolean dryRun) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"SECRET", "ACTION", "KEYS (values masked)"});
    for (Outcome outcome : outcomes) {
      String action = outcome.action().describe(dryRun);
      List<String> keys = outcome.keys().isEmpty() ? List.of("-") : outcome.keys();
      for (int i = 0; i < keys.size(); i++) {
        rows.add(
            i == 0
                ? new String[] {outcome.secret(), action, keys.get(i)}
                : new String[] {"", "", keys.get(i)});
      }
    }
    int first = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
    int second = rows.stream().mapToInt(r -> r[1].length()).max().orElse(0);
    for (String[] row : rows) {
      out.printf("%-" + first + "s  %-" + second + "s  %s%n", row[0], row[1], row[2]);
    }
    out.println(totals(outcomes, dryRun));
    out.flush();
  }

  private static String totals(List<Outcome> outcomes, boolean dryRun) {
    Map<Outcome.Action, Integer> counts = new EnumMap<>(Outcome.Action.class);
    outcomes.forEach(o -> counts.merge(o.action(), 1, Integer::sum));
    StringBuilder line = new StringBuilder(dryRun ? "Dry run, nothing written: " : "");
    line.append(outcomes.size()).append(" secrets");
    counts.forEach(
        (action, n) -> line.append(", ").append(n).append(' ').append(action.describe(dryRun)));
    return line.toString();
  }
}
