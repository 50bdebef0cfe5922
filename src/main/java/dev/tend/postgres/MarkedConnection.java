package dev.tend.postgres;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Set;

/**
 * Starts every statement Tend sends with {@link PostgresConnector#MARK}. pg_stat_statements has
 * no application name, but it keeps a statement's text with its leading comment: the mark is how
 * the report tells Tend's own vacuums, counts and catalog reads from the application's queries.
 * Done here, once, so that no statement can forget it.
 */
final class MarkedConnection {
    /** The JDBC methods whose first argument is SQL about to be sent. */
    private static final Set<String> TAKES_SQL = Set.of("prepareStatement", "prepareCall", "execute", "executeQuery", "executeUpdate",
            "executeLargeUpdate", "addBatch");

    private MarkedConnection() {}

    static Connection wrap(Connection connection) {
        return proxy(Connection.class, connection);
    }

    private static <T> T proxy(Class<T> type, T target) {
        InvocationHandler handler = (self, method, arguments) -> {
            if (arguments != null && arguments.length > 0 && arguments[0] instanceof String sql && TAKES_SQL.contains(method.getName())) {
                arguments[0] = PostgresConnector.MARK + sql;
            }
            try {
                var result = method.invoke(target, arguments);
                // A plain Statement gets its SQL later, at execute: it needs the same treatment.
                return method.getName().equals("createStatement") ? proxy(Statement.class, (Statement) result) : result;
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
