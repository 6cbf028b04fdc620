package io.k8tre.portal.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A fresh PostgreSQL database for one test JVM on the machine's local server (127.0.0.1:5432, trust
 * authentication), so Flyway migrates from nothing each run.
 */
public final class PostgresDatabase {

  /** {@code -Dk8tre.it.database=…} keeps test runs of several checkouts on one server apart. */
  public static final String NAME = System.getProperty("k8tre.it.database", "k8tre_portal_it");

  public static final String URL = "jdbc:postgresql://127.0.0.1:5432/" + NAME;
  public static final String USER = "postgres";

  private static boolean created;

  private PostgresDatabase() {}

  public static synchronized void recreate() {
    if (created) {
      return;
    }
    try (Connection admin =
            DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", USER, "");
        Statement statement = admin.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + NAME + " WITH (FORCE)");
      statement.execute("CREATE DATABASE " + NAME);
      created = true;
    } catch (SQLException e) {
      throw new IllegalStateException(
          "PostgreSQL at 127.0.0.1:5432 is needed for the integration tests (bin/test starts it)",
          e);
    }
  }

  /**
   * A database of its own for a test that must not share the common one, named after it with a
   * suffix (so checkouts stay apart as with {@link #NAME}); dropped first if it exists.
   *
   * @return its JDBC URL
   */
  public static String recreateSeparate(String suffix) {
    String name = NAME + "_" + suffix;
    try (Connection admin =
            DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", USER, "");
        Statement statement = admin.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL at 127.0.0.1:5432 is needed for this test", e);
    }
    return "jdbc:postgresql://127.0.0.1:5432/" + name;
  }
}
