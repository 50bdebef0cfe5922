package dev.tend.postgres.report;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** One family of findings, read from the catalog and statistics views. Read-only, always. */
public interface ReportProbe {

    /** A short name for errors ("indexes", "sessions"). */
    String name();

    List<Finding> find(Connection connection, ReportPolicy policy) throws SQLException;
}
